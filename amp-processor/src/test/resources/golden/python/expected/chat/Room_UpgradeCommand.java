package chat;

import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.BlockingCalls;
import io.ampjava.dispatch.CallTimeoutException;
import io.ampjava.dispatch.Command;
import io.ampjava.dispatch.ConnectionLostException;
import io.ampjava.dispatch.ErrorSpec;
import io.ampjava.dispatch.ProtocolSwitchedException;
import io.ampjava.dispatch.SwitchedProtocol;
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
 * The AMP command {@link Room.Upgrade}, wire name <code>Upgrade</code>:
 * its descriptor, values and calls.
 */
@Generated("io.ampjava.processor.AmpProcessor")
public final class Room_UpgradeCommand {
    /**
     * {@link Room.Upgrade} as the runtime sees it: wire name, codecs, declared errors and schema.
     */
    public static final Command<Room.Upgrade, Void> COMMAND =
            Command.builder("Upgrade", UpgradeCodec.INSTANCE, Command.EMPTY)
                    .error(ErrorSpec.of("DIVIDE", ArithmeticException.class,
                            ArithmeticException::new))
                    .switchesProtocol(true)
                    .schema(UpgradeCodec.FIELDS, List.of())
                    .build();

    private Room_UpgradeCommand() {
    }

    /**
     * The arguments of {@link Room.Upgrade}, to pass to {@link AmpConnection#switchProtocol}.
     *
     * @param protocol required
     * @throws NullPointerException if a required argument is null
     */
    public static Room.Upgrade arguments(String protocol) {
        return new UpgradeValue(protocol);
    }

    /**
     * Calls {@link Room.Upgrade} on the peer of {@code connection};
     * once the peer accepts, {@code protocol_} takes the connection over instead of AMP.
     *
     * <p>Until the answer, the connection sends no box ({@link ProtocolSwitchedException}).
     * The future completes with {@code protocol_} once it has taken over, or exceptionally with
     * {@link NullPointerException} if a required argument is null (nothing is sent),
     * {@link ArithmeticException} (error <code>DIVIDE</code>),
     * {@link UnhandledCommandException} if the peer does not know the command,
     * {@link UnknownRemoteErrorException} for any other error code
     * (after an error AMP goes on), or {@link ConnectionLostException} if the connection closes first.
     *
     * @param connection the connection to call on
     * @param protocol required
     * @param protocol_ the protocol that takes the connection over after the answer
     * @param <P> the protocol's type
     * @return the protocol, once it has taken the connection over
     */
    public static <P extends SwitchedProtocol> CompletableFuture<P> call(AmpConnection connection,
            String protocol, P protocol_) {
        Room.Upgrade arguments;
        try {
            arguments = arguments(protocol);
        } catch (NullPointerException failure) {
            return CompletableFuture.failedFuture(failure);
        }
        return connection.switchProtocol(Room_UpgradeCommand.COMMAND, arguments, protocol_);
    }

    /**
     * Calls {@link Room.Upgrade} on the peer of {@code connection}
     * and waits for the answer, without a time limit (a closing connection fails every call it has
     * not answered) and without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param protocol required
     * @param protocol_ the protocol that takes the connection over after the answer
     * @param <P> the protocol's type
     * @return the protocol, once it has taken the connection over
     * @throws ArithmeticException if the peer answers the error <code>DIVIDE</code>
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws NullPointerException if a required argument is null (nothing is sent)
     */
    public static <P extends SwitchedProtocol> P callBlocking(AmpConnection connection,
            String protocol, P protocol_) {
        return BlockingCalls.await(call(connection, protocol, protocol_));
    }

    /**
     * Calls {@link Room.Upgrade} on the peer of {@code connection}
     * and waits at most {@code timeout} for the answer, without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param timeout how long to wait for the answer
     * @param protocol required
     * @param protocol_ the protocol that takes the connection over after the answer
     * @param <P> the protocol's type
     * @return the protocol, once it has taken the connection over
     * @throws ArithmeticException if the peer answers the error <code>DIVIDE</code>
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws CallTimeoutException if no answer comes within {@code timeout} (should the peer answer later,
     * the connection still switches to {@code protocol_})
     * @throws NullPointerException if a required argument is null (nothing is sent)
     */
    public static <P extends SwitchedProtocol> P callBlocking(AmpConnection connection,
            Duration timeout, String protocol, P protocol_) {
        return BlockingCalls.await(call(connection, protocol, protocol_), timeout,
                Room_UpgradeCommand.COMMAND, connection);
    }

    private record UpgradeValue(String protocol) implements Room.Upgrade {
        UpgradeValue {
            Objects.requireNonNull(protocol, "required argument 'protocol' is null");
        }

        @Override
        public String toString() {
            return "Room.Upgrade[protocol=" + protocol + "]";
        }
    }

    private static final class UpgradeCodec implements BoxCodec<Room.Upgrade> {
        static final UpgradeCodec INSTANCE = new UpgradeCodec();

        private static final byte[] PROTOCOL = "protocol".getBytes(StandardCharsets.UTF_8);

        static final List<FieldSchema> FIELDS = List.of(FieldSchema.required("protocol", AmpType.UNICODE));

        private UpgradeCodec() {
        }

        @Override
        public void write(Room.Upgrade value, Box box, ArgumentContext context) {
            String protocol = Objects.requireNonNull(value.protocol(),
                    "required argument 'protocol' is null");
            box.put(PROTOCOL, UnicodeArgument.INSTANCE.toWire(protocol, context));
        }

        @Override
        public Room.Upgrade read(Box box, ArgumentContext context) {
            byte[] protocol = box.get(PROTOCOL);
            if (protocol == null) {
                throw BadArgumentException.missing("protocol");
            }
            return new UpgradeValue(UnicodeArgument.INSTANCE.fromWire(protocol, context));
        }
    }
}
