package chat.admin;

import chat.Banned;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.BlockingCalls;
import io.ampjava.dispatch.CallTimeoutException;
import io.ampjava.dispatch.Command;
import io.ampjava.dispatch.ConnectionLostException;
import io.ampjava.dispatch.ErrorSpec;
import io.ampjava.dispatch.UnhandledCommandException;
import io.ampjava.dispatch.UnknownRemoteErrorException;
import io.ampjava.schema.AmpType;
import io.ampjava.schema.FieldSchema;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.BadArgumentException;
import io.ampjava.types.BoxCodec;
import io.ampjava.types.UnicodeArgument;
import io.ampjava.wire.Box;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.annotation.processing.Generated;

/**
 * The AMP command {@link Kick}, wire name <code>Kick</code>:
 * its descriptor, values and calls.
 */
@Generated("io.ampjava.processor.AmpProcessor")
public final class KickCommand {
    /**
     * {@link Kick} as the runtime sees it: wire name, codecs, declared errors and schema.
     */
    public static final Command<Kick, Void> COMMAND =
            Command.builder("Kick", KickCodec.INSTANCE, Command.EMPTY)
                    .error(ErrorSpec.of("BANNED", Banned.class, Banned::new))
                    .schema(KickCodec.FIELDS, List.of())
                    .build();

    private KickCommand() {
    }

    /**
     * The arguments of {@link Kick}, to pass to {@link AmpConnection#callRemote}.
     *
     * @param who required
     * @throws NullPointerException if a required argument is null
     */
    public static Kick arguments(String who) {
        return new KickValue(who);
    }

    /**
     * Calls {@link Kick} on the peer of {@code connection}.
     *
     * <p>The future completes with the empty answer ({@code null}), or exceptionally with
     * {@link NullPointerException} if a required argument is null (nothing is sent),
     * {@link Banned} (error <code>BANNED</code>),
     * {@link UnhandledCommandException} if the peer does not know the command,
     * {@link UnknownRemoteErrorException} for any other error code,
     * or {@link ConnectionLostException} if the connection closes first.
     *
     * @param connection the connection to call on
     * @param who required
     * @return the answer to come
     */
    public static CompletableFuture<Void> call(AmpConnection connection, String who) {
        Kick arguments;
        try {
            arguments = arguments(who);
        } catch (NullPointerException failure) {
            return CompletableFuture.failedFuture(failure);
        }
        return connection.callRemote(KickCommand.COMMAND, arguments);
    }

    /**
     * Calls {@link Kick} on the peer of {@code connection}
     * and waits for the answer, without a time limit (a closing connection fails every call it has
     * not answered) and without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param who required
     * @throws Banned if the peer answers the error <code>BANNED</code>
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws NullPointerException if a required argument is null (nothing is sent)
     */
    public static void callBlocking(AmpConnection connection, String who) throws Banned {
        try {
            BlockingCalls.await(call(connection, who));
        } catch (CompletionException failure) {
            BlockingCalls.throwIfCause(failure, Banned.class);
            throw failure;
        }
    }

    /**
     * Calls {@link Kick} on the peer of {@code connection}
     * and waits at most {@code timeout} for the answer, without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param timeout how long to wait for the answer
     * @param who required
     * @throws Banned if the peer answers the error <code>BANNED</code>
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws CallTimeoutException if no answer comes within {@code timeout} (the call is given up)
     * @throws NullPointerException if a required argument is null (nothing is sent)
     */
    public static void callBlocking(AmpConnection connection, Duration timeout, String who) throws
            Banned {
        try {
            BlockingCalls.await(call(connection, who), timeout, KickCommand.COMMAND, connection);
        } catch (CompletionException failure) {
            BlockingCalls.throwIfCause(failure, Banned.class);
            throw failure;
        }
    }

    private record KickValue(String who) implements Kick {
        KickValue {
            Objects.requireNonNull(who, "required argument 'who' is null");
        }

        @Override
        public String toString() {
            return "Kick[who=" + who + "]";
        }
    }

    private static final class KickCodec implements BoxCodec<Kick> {
        static final KickCodec INSTANCE = new KickCodec();

        private static final byte[] WHO = "who".getBytes(StandardCharsets.UTF_8);

        static final List<FieldSchema> FIELDS = List.of(FieldSchema.required("who", AmpType.UNICODE));

        private KickCodec() {
        }

        @Override
        public void write(Kick value, Box box, ArgumentContext context) {
            String who = Objects.requireNonNull(value.who(), "required argument 'who' is null");
            box.put(WHO, UnicodeArgument.INSTANCE.toWire(who, context));
        }

        @Override
        public Kick read(Box box, ArgumentContext context) {
            byte[] who = box.get(WHO);
            if (who == null) {
                throw BadArgumentException.missing("who");
            }
            return new KickValue(UnicodeArgument.INSTANCE.fromWire(who, context));
        }
    }
}
