package chat;

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
import javax.annotation.processing.Generated;

/**
 * The AMP command {@link Room.Typing}, wire name <code>Typing</code>:
 * its descriptor, values and calls.
 */
@Generated("io.ampjava.processor.AmpProcessor")
public final class Room_TypingCommand {
    /**
     * {@link Room.Typing} as the runtime sees it: wire name, codecs, declared errors and schema.
     */
    public static final Command<Room.Typing, Void> COMMAND =
            Command.builder("Typing", TypingCodec.INSTANCE, Command.EMPTY)
                    .error(ErrorSpec.of("LATE", QuotaException.class, QuotaException::new))
                    .requiresAnswer(false)
                    .schema(TypingCodec.FIELDS, List.of())
                    .build();

    private Room_TypingCommand() {
    }

    /**
     * The arguments of {@link Room.Typing}, to pass to {@link AmpConnection#callRemote}.
     *
     * @param who required
     * @throws NullPointerException if a required argument is null
     */
    public static Room.Typing arguments(String who) {
        return new TypingValue(who);
    }

    /**
     * Calls {@link Room.Typing} on the peer of {@code connection}.
     *
     * <p>The command asks for no answer: the future completes with {@code null} once the
     * request is queued, or fails with {@link NullPointerException} if a required argument is null
     * (nothing is sent).
     *
     * @param connection the connection to call on
     * @param who required
     * @return the answer to come
     */
    public static CompletableFuture<Void> call(AmpConnection connection, String who) {
        Room.Typing arguments;
        try {
            arguments = arguments(who);
        } catch (NullPointerException failure) {
            return CompletableFuture.failedFuture(failure);
        }
        return connection.callRemote(Room_TypingCommand.COMMAND, arguments);
    }

    /**
     * Calls {@link Room.Typing} on the peer of {@code connection}
     * and waits for the answer, without a time limit (a closing connection fails every call it has
     * not answered) and without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param who required
     * @throws QuotaException if the peer answers the error <code>LATE</code>
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws NullPointerException if a required argument is null (nothing is sent)
     */
    public static void callBlocking(AmpConnection connection, String who) {
        BlockingCalls.await(call(connection, who));
    }

    /**
     * Calls {@link Room.Typing} on the peer of {@code connection}
     * and waits at most {@code timeout} for the answer, without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param timeout how long to wait for the answer
     * @param who required
     * @throws QuotaException if the peer answers the error <code>LATE</code>
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws CallTimeoutException if no answer comes within {@code timeout} (the call is given up)
     * @throws NullPointerException if a required argument is null (nothing is sent)
     */
    public static void callBlocking(AmpConnection connection, Duration timeout, String who) {
        BlockingCalls.await(call(connection, who), timeout, Room_TypingCommand.COMMAND, connection);
    }

    private record TypingValue(String who) implements Room.Typing {
        TypingValue {
            Objects.requireNonNull(who, "required argument 'who' is null");
        }

        @Override
        public String toString() {
            return "Room.Typing[who=" + who + "]";
        }
    }

    private static final class TypingCodec implements BoxCodec<Room.Typing> {
        static final TypingCodec INSTANCE = new TypingCodec();

        private static final byte[] WHO = "who".getBytes(StandardCharsets.UTF_8);

        static final List<FieldSchema> FIELDS = List.of(FieldSchema.required("who", AmpType.UNICODE));

        private TypingCodec() {
        }

        @Override
        public void write(Room.Typing value, Box box, ArgumentContext context) {
            String who = Objects.requireNonNull(value.who(), "required argument 'who' is null");
            box.put(WHO, UnicodeArgument.INSTANCE.toWire(who, context));
        }

        @Override
        public Room.Typing read(Box box, ArgumentContext context) {
            byte[] who = box.get(WHO);
            if (who == null) {
                throw BadArgumentException.missing("who");
            }
            return new TypingValue(UnicodeArgument.INSTANCE.fromWire(who, context));
        }
    }
}
