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
 * The AMP command {@link Notify}, wire name <code>Notify</code>:
 * its descriptor, values and calls.
 */
@Generated("io.ampjava.processor.AmpProcessor")
public final class NotifyCommand {
    /**
     * {@link Notify} as the runtime sees it: wire name, codecs, declared errors and schema.
     */
    public static final Command<Notify, Void> COMMAND =
            Command.builder("Notify", NotifyCodec.INSTANCE, Command.EMPTY)
                    .requiresAnswer(false)
                    .schema(NotifyCodec.FIELDS, List.of())
                    .build();

    private NotifyCommand() {
    }

    /**
     * The arguments of {@link Notify}, to pass to {@link AmpConnection#callRemote}.
     *
     * @param value required
     */
    public static Notify arguments(long value) {
        return new NotifyValue(value);
    }

    /**
     * Calls {@link Notify} on the peer of {@code connection}.
     *
     * <p>The command asks for no answer: the future completes with {@code null} once the
     * request is queued.
     *
     * @param connection the connection to call on
     * @param value required
     * @return the answer to come
     */
    public static CompletableFuture<Void> call(AmpConnection connection, long value) {
        return connection.callRemote(NotifyCommand.COMMAND, arguments(value));
    }

    /**
     * Calls {@link Notify} on the peer of {@code connection}
     * and waits for the answer, without a time limit (a closing connection fails every call it has
     * not answered) and without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param value required
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     */
    public static void callBlocking(AmpConnection connection, long value) {
        BlockingCalls.await(call(connection, value));
    }

    /**
     * Calls {@link Notify} on the peer of {@code connection}
     * and waits at most {@code timeout} for the answer, without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param timeout how long to wait for the answer
     * @param value required
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws CallTimeoutException if no answer comes within {@code timeout} (the call is given up)
     */
    public static void callBlocking(AmpConnection connection, Duration timeout, long value) {
        BlockingCalls.await(call(connection, value), timeout, NotifyCommand.COMMAND, connection);
    }

    private record NotifyValue(long value) implements Notify {
        @Override
        public String toString() {
            return "Notify[value=" + value + "]";
        }
    }

    private static final class NotifyCodec implements BoxCodec<Notify> {
        static final NotifyCodec INSTANCE = new NotifyCodec();

        private static final byte[] VALUE = "value".getBytes(StandardCharsets.UTF_8);

        static final List<FieldSchema> FIELDS = List.of(FieldSchema.required("value", AmpType.INTEGER));

        private NotifyCodec() {
        }

        @Override
        public void write(Notify value, Box box, ArgumentContext context) {
            box.put(VALUE, LongArgument.encode(value.value()));
        }

        @Override
        public Notify read(Box box, ArgumentContext context) {
            byte[] value = box.get(VALUE);
            if (value == null) {
                throw BadArgumentException.missing("value");
            }
            return new NotifyValue(LongArgument.decode(value));
        }
    }
}
