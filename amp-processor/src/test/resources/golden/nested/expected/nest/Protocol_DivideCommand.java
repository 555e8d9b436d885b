package nest;

import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.BlockingCalls;
import io.ampjava.dispatch.CallTimeoutException;
import io.ampjava.dispatch.Command;
import io.ampjava.dispatch.ConnectionLostException;
import io.ampjava.dispatch.UnhandledCommandException;
import io.ampjava.dispatch.UnknownRemoteErrorException;
import io.ampjava.schema.AmpType;
import io.ampjava.schema.FieldSchema;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.BadArgumentException;
import io.ampjava.types.BoxCodec;
import io.ampjava.types.FloatArgument;
import io.ampjava.types.LongArgument;
import io.ampjava.types.UnicodeArgument;
import io.ampjava.wire.Box;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * The AMP command {@link Protocol.Divide}, wire name <code>Divide</code>:
 * its descriptor, values and calls.
 */
@Generated("io.ampjava.processor.AmpProcessor")
public final class Protocol_DivideCommand {
    /**
     * {@link Protocol.Divide} as the runtime sees it: wire name, codecs, declared errors and schema.
     */
    public static final Command<Protocol.Divide, Protocol.Divide.Result> COMMAND =
            Command.builder("Divide", DivideCodec.INSTANCE, ResultCodec.INSTANCE)
                    .schema(DivideCodec.FIELDS, ResultCodec.FIELDS)
                    .build();

    private Protocol_DivideCommand() {
    }

    /**
     * The arguments of {@link Protocol.Divide}, to pass to {@link AmpConnection#callRemote}.
     *
     * @param traceId required (on the wire: <code>trace-id</code>)
     * @param numerator required
     * @param denominator required
     * @throws NullPointerException if a required argument is null
     */
    public static Protocol.Divide arguments(String traceId, long numerator, long denominator) {
        return new DivideValue(traceId, numerator, denominator);
    }

    /**
     * The response of {@link Protocol.Divide}, for a responder to return.
     *
     * @param result required
     */
    public static Protocol.Divide.Result response(double result) {
        return new ResultValue(result);
    }

    /**
     * Calls {@link Protocol.Divide} on the peer of {@code connection}.
     *
     * <p>The future completes with the response, or exceptionally with
     * {@link NullPointerException} if a required argument is null (nothing is sent),
     * {@link UnhandledCommandException} if the peer does not know the command,
     * {@link UnknownRemoteErrorException} for any other error code,
     * or {@link ConnectionLostException} if the connection closes first.
     *
     * @param connection the connection to call on
     * @param traceId required (on the wire: <code>trace-id</code>)
     * @param numerator required
     * @param denominator required
     * @return the answer to come
     */
    public static CompletableFuture<Protocol.Divide.Result> call(AmpConnection connection,
            String traceId, long numerator, long denominator) {
        Protocol.Divide arguments;
        try {
            arguments = arguments(traceId, numerator, denominator);
        } catch (NullPointerException failure) {
            return CompletableFuture.failedFuture(failure);
        }
        return connection.callRemote(Protocol_DivideCommand.COMMAND, arguments);
    }

    /**
     * Calls {@link Protocol.Divide} on the peer of {@code connection}
     * and waits for the answer, without a time limit (a closing connection fails every call it has
     * not answered) and without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param traceId required (on the wire: <code>trace-id</code>)
     * @param numerator required
     * @param denominator required
     * @return the response
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws NullPointerException if a required argument is null (nothing is sent)
     */
    public static Protocol.Divide.Result callBlocking(AmpConnection connection, String traceId,
            long numerator, long denominator) {
        return BlockingCalls.await(call(connection, traceId, numerator, denominator));
    }

    /**
     * Calls {@link Protocol.Divide} on the peer of {@code connection}
     * and waits at most {@code timeout} for the answer, without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param timeout how long to wait for the answer
     * @param traceId required (on the wire: <code>trace-id</code>)
     * @param numerator required
     * @param denominator required
     * @return the response
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws CallTimeoutException if no answer comes within {@code timeout} (the call is given up)
     * @throws NullPointerException if a required argument is null (nothing is sent)
     */
    public static Protocol.Divide.Result callBlocking(AmpConnection connection, Duration timeout,
            String traceId, long numerator, long denominator) {
        return BlockingCalls.await(call(connection, traceId, numerator, denominator), timeout,
                Protocol_DivideCommand.COMMAND, connection);
    }

    private record DivideValue(String traceId, long numerator,
            long denominator) implements Protocol.Divide {
        DivideValue {
            Objects.requireNonNull(traceId, "required argument 'traceId' is null");
        }

        @Override
        public String toString() {
            return "Protocol.Divide[traceId=" + traceId + ", numerator=" + numerator +
                    ", denominator=" + denominator + "]";
        }
    }

    private record ResultValue(double result) implements Protocol.Divide.Result {
        @Override
        public String toString() {
            return "Protocol.Divide.Result[result=" + result + "]";
        }
    }

    private static final class DivideCodec implements BoxCodec<Protocol.Divide> {
        static final DivideCodec INSTANCE = new DivideCodec();

        private static final byte[] TRACE_ID = "trace-id".getBytes(StandardCharsets.UTF_8);

        private static final byte[] NUMERATOR = "numerator".getBytes(StandardCharsets.UTF_8);

        private static final byte[] DENOMINATOR = "denominator".getBytes(StandardCharsets.UTF_8);

        static final List<FieldSchema> FIELDS = List.of(
                FieldSchema.required("trace-id", AmpType.UNICODE),
                FieldSchema.required("numerator", AmpType.INTEGER),
                FieldSchema.required("denominator", AmpType.INTEGER));

        private DivideCodec() {
        }

        @Override
        public void write(Protocol.Divide value, Box box, ArgumentContext context) {
            String traceId = Objects.requireNonNull(value.traceId(),
                    "required argument 'traceId' is null");
            box.put(TRACE_ID, UnicodeArgument.INSTANCE.toWire(traceId, context));
            box.put(NUMERATOR, LongArgument.encode(value.numerator()));
            box.put(DENOMINATOR, LongArgument.encode(value.denominator()));
        }

        @Override
        public Protocol.Divide read(Box box, ArgumentContext context) {
            byte[] traceId = box.get(TRACE_ID);
            if (traceId == null) {
                throw BadArgumentException.missing("trace-id");
            }
            byte[] numerator = box.get(NUMERATOR);
            if (numerator == null) {
                throw BadArgumentException.missing("numerator");
            }
            byte[] denominator = box.get(DENOMINATOR);
            if (denominator == null) {
                throw BadArgumentException.missing("denominator");
            }
            return new DivideValue(UnicodeArgument.INSTANCE.fromWire(traceId, context),
                    LongArgument.decode(numerator), LongArgument.decode(denominator));
        }
    }

    private static final class ResultCodec implements BoxCodec<Protocol.Divide.Result> {
        static final ResultCodec INSTANCE = new ResultCodec();

        private static final byte[] RESULT = "result".getBytes(StandardCharsets.UTF_8);

        static final List<FieldSchema> FIELDS = List.of(FieldSchema.required("result", AmpType.FLOAT));

        private ResultCodec() {
        }

        @Override
        public void write(Protocol.Divide.Result value, Box box, ArgumentContext context) {
            box.put(RESULT, FloatArgument.encode(value.result()));
        }

        @Override
        public Protocol.Divide.Result read(Box box, ArgumentContext context) {
            byte[] result = box.get(RESULT);
            if (result == null) {
                throw BadArgumentException.missing("result");
            }
            return new ResultValue(FloatArgument.decode(result));
        }
    }
}
