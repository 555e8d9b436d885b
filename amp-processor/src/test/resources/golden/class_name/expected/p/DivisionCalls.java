package p;

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
import io.ampjava.wire.Box;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * The AMP command {@link Divide}, wire name <code>Divide</code>:
 * its descriptor, values and calls.
 */
@Generated("io.ampjava.processor.AmpProcessor")
public final class DivisionCalls {
    /**
     * {@link Divide} as the runtime sees it: wire name, codecs, declared errors and schema.
     */
    public static final Command<Divide, Divide.Result> COMMAND =
            Command.builder("Divide", DivideCodec.INSTANCE, ResultCodec.INSTANCE)
                    .schema(DivideCodec.FIELDS, ResultCodec.FIELDS)
                    .build();

    private DivisionCalls() {
    }

    /**
     * The arguments of {@link Divide}, to pass to {@link AmpConnection#callRemote}.
     *
     * @param numerator required
     * @param denominator required
     */
    public static Divide arguments(long numerator, long denominator) {
        return new DivideValue(numerator, denominator);
    }

    /**
     * The response of {@link Divide}, for a responder to return.
     *
     * @param result required
     */
    public static Divide.Result response(double result) {
        return new ResultValue(result);
    }

    /**
     * Calls {@link Divide} on the peer of {@code connection}.
     *
     * <p>The future completes with the response, or exceptionally with
     * {@link UnhandledCommandException} if the peer does not know the command,
     * {@link UnknownRemoteErrorException} for any other error code,
     * or {@link ConnectionLostException} if the connection closes first.
     *
     * @param connection the connection to call on
     * @param numerator required
     * @param denominator required
     * @return the answer to come
     */
    public static CompletableFuture<Divide.Result> call(AmpConnection connection, long numerator,
            long denominator) {
        return connection.callRemote(DivisionCalls.COMMAND, arguments(numerator, denominator));
    }

    /**
     * Calls {@link Divide} on the peer of {@code connection}
     * and waits for the answer, without a time limit (a closing connection fails every call it has
     * not answered) and without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param numerator required
     * @param denominator required
     * @return the response
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     */
    public static Divide.Result callBlocking(AmpConnection connection, long numerator,
            long denominator) {
        return BlockingCalls.await(call(connection, numerator, denominator));
    }

    /**
     * Calls {@link Divide} on the peer of {@code connection}
     * and waits at most {@code timeout} for the answer, without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param timeout how long to wait for the answer
     * @param numerator required
     * @param denominator required
     * @return the response
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws CallTimeoutException if no answer comes within {@code timeout} (the call is given up)
     */
    public static Divide.Result callBlocking(AmpConnection connection, Duration timeout,
            long numerator, long denominator) {
        return BlockingCalls.await(call(connection, numerator, denominator), timeout,
                DivisionCalls.COMMAND, connection);
    }

    private record DivideValue(long numerator, long denominator) implements Divide {
        @Override
        public String toString() {
            return "Divide[numerator=" + numerator + ", denominator=" + denominator + "]";
        }
    }

    private record ResultValue(double result) implements Divide.Result {
        @Override
        public String toString() {
            return "Divide.Result[result=" + result + "]";
        }
    }

    private static final class DivideCodec implements BoxCodec<Divide> {
        static final DivideCodec INSTANCE = new DivideCodec();

        private static final byte[] NUMERATOR = "numerator".getBytes(StandardCharsets.UTF_8);

        private static final byte[] DENOMINATOR = "denominator".getBytes(StandardCharsets.UTF_8);

        static final List<FieldSchema> FIELDS = List.of(
                FieldSchema.required("numerator", AmpType.INTEGER),
                FieldSchema.required("denominator", AmpType.INTEGER));

        private DivideCodec() {
        }

        @Override
        public void write(Divide value, Box box, ArgumentContext context) {
            box.put(NUMERATOR, LongArgument.encode(value.numerator()));
            box.put(DENOMINATOR, LongArgument.encode(value.denominator()));
        }

        @Override
        public Divide read(Box box, ArgumentContext context) {
            byte[] numerator = box.get(NUMERATOR);
            if (numerator == null) {
                throw BadArgumentException.missing("numerator");
            }
            byte[] denominator = box.get(DENOMINATOR);
            if (denominator == null) {
                throw BadArgumentException.missing("denominator");
            }
            return new DivideValue(LongArgument.decode(numerator),
                    LongArgument.decode(denominator));
        }
    }

    private static final class ResultCodec implements BoxCodec<Divide.Result> {
        static final ResultCodec INSTANCE = new ResultCodec();

        private static final byte[] RESULT = "result".getBytes(StandardCharsets.UTF_8);

        static final List<FieldSchema> FIELDS = List.of(FieldSchema.required("result", AmpType.FLOAT));

        private ResultCodec() {
        }

        @Override
        public void write(Divide.Result value, Box box, ArgumentContext context) {
            box.put(RESULT, FloatArgument.encode(value.result()));
        }

        @Override
        public Divide.Result read(Box box, ArgumentContext context) {
            byte[] result = box.get(RESULT);
            if (result == null) {
                throw BadArgumentException.missing("result");
            }
            return new ResultValue(FloatArgument.decode(result));
        }
    }
}
