package calc;

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
import io.ampjava.types.LongArgument;
import io.ampjava.wire.Box;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * The AMP command {@link Sum}, wire name <code>Sum</code>:
 * its descriptor, values and calls.
 */
@Generated("io.ampjava.processor.AmpProcessor")
public final class SumCommand {
    /**
     * {@link Sum} as the runtime sees it: wire name, codecs, declared errors and schema.
     */
    public static final Command<Sum, Sum.Total> COMMAND =
            Command.builder("Sum", SumCodec.INSTANCE, TotalCodec.INSTANCE)
                    .schema(SumCodec.FIELDS, TotalCodec.FIELDS)
                    .build();

    private SumCommand() {
    }

    /**
     * The arguments of {@link Sum}, to pass to {@link AmpConnection#callRemote}.
     *
     * @param a required
     * @param b required
     */
    public static Sum arguments(long a, long b) {
        return new SumValue(a, b);
    }

    /**
     * The response of {@link Sum}, for a responder to return.
     *
     * @param total required
     */
    public static Sum.Total response(long total) {
        return new TotalValue(total);
    }

    /**
     * Calls {@link Sum} on the peer of {@code connection}.
     *
     * <p>The future completes with the response, or exceptionally with
     * {@link UnhandledCommandException} if the peer does not know the command,
     * {@link UnknownRemoteErrorException} for any other error code,
     * or {@link ConnectionLostException} if the connection closes first.
     *
     * @param connection the connection to call on
     * @param a required
     * @param b required
     * @return the answer to come
     */
    public static CompletableFuture<Sum.Total> call(AmpConnection connection, long a, long b) {
        return connection.callRemote(SumCommand.COMMAND, arguments(a, b));
    }

    /**
     * Calls {@link Sum} on the peer of {@code connection}
     * and waits for the answer, without a time limit (a closing connection fails every call it has
     * not answered) and without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param a required
     * @param b required
     * @return the response
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     */
    public static Sum.Total callBlocking(AmpConnection connection, long a, long b) {
        return BlockingCalls.await(call(connection, a, b));
    }

    /**
     * Calls {@link Sum} on the peer of {@code connection}
     * and waits at most {@code timeout} for the answer, without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param timeout how long to wait for the answer
     * @param a required
     * @param b required
     * @return the response
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws CallTimeoutException if no answer comes within {@code timeout} (the call is given up)
     */
    public static Sum.Total callBlocking(AmpConnection connection, Duration timeout, long a,
            long b) {
        return BlockingCalls.await(call(connection, a, b), timeout, SumCommand.COMMAND, connection);
    }

    private record SumValue(long a, long b) implements Sum {
        @Override
        public String toString() {
            return "Sum[a=" + a + ", b=" + b + "]";
        }
    }

    private record TotalValue(long total) implements Sum.Total {
        @Override
        public String toString() {
            return "Sum.Total[total=" + total + "]";
        }
    }

    private static final class SumCodec implements BoxCodec<Sum> {
        static final SumCodec INSTANCE = new SumCodec();

        private static final byte[] A = "a".getBytes(StandardCharsets.UTF_8);

        private static final byte[] B = "b".getBytes(StandardCharsets.UTF_8);

        static final List<FieldSchema> FIELDS = List.of(
                FieldSchema.required("a", AmpType.INTEGER),
                FieldSchema.required("b", AmpType.INTEGER));

        private SumCodec() {
        }

        @Override
        public void write(Sum value, Box box, ArgumentContext context) {
            box.put(A, LongArgument.encode(value.a()));
            box.put(B, LongArgument.encode(value.b()));
        }

        @Override
        public Sum read(Box box, ArgumentContext context) {
            byte[] a = box.get(A);
            if (a == null) {
                throw BadArgumentException.missing("a");
            }
            byte[] b = box.get(B);
            if (b == null) {
                throw BadArgumentException.missing("b");
            }
            return new SumValue(LongArgument.decode(a), LongArgument.decode(b));
        }
    }

    private static final class TotalCodec implements BoxCodec<Sum.Total> {
        static final TotalCodec INSTANCE = new TotalCodec();

        private static final byte[] TOTAL = "total".getBytes(StandardCharsets.UTF_8);

        static final List<FieldSchema> FIELDS = List.of(FieldSchema.required("total", AmpType.INTEGER));

        private TotalCodec() {
        }

        @Override
        public void write(Sum.Total value, Box box, ArgumentContext context) {
            box.put(TOTAL, LongArgument.encode(value.total()));
        }

        @Override
        public Sum.Total read(Box box, ArgumentContext context) {
            byte[] total = box.get(TOTAL);
            if (total == null) {
                throw BadArgumentException.missing("total");
            }
            return new TotalValue(LongArgument.decode(total));
        }
    }
}
