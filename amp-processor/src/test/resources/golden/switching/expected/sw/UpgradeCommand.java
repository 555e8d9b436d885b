package sw;

import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.BlockingCalls;
import io.ampjava.dispatch.CallTimeoutException;
import io.ampjava.dispatch.Command;
import io.ampjava.dispatch.ConnectionLostException;
import io.ampjava.dispatch.ProtocolSwitchedException;
import io.ampjava.dispatch.SwitchedProtocol;
import io.ampjava.dispatch.UnhandledCommandException;
import io.ampjava.dispatch.UnknownRemoteErrorException;
import io.ampjava.schema.FieldSchema;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.BoxCodec;
import io.ampjava.wire.Box;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * The AMP command {@link Upgrade}, wire name <code>upgrade</code>:
 * its descriptor, values and calls.
 */
@Generated("io.ampjava.processor.AmpProcessor")
public final class UpgradeCommand {
    /**
     * {@link Upgrade} as the runtime sees it: wire name, codecs, declared errors and schema.
     */
    public static final Command<Upgrade, Void> COMMAND =
            Command.builder("upgrade", UpgradeCodec.INSTANCE, Command.EMPTY)
                    .switchesProtocol(true)
                    .schema(UpgradeCodec.FIELDS, List.of())
                    .build();

    private UpgradeCommand() {
    }

    /**
     * The arguments of {@link Upgrade}, to pass to {@link AmpConnection#switchProtocol}.
     */
    public static Upgrade arguments() {
        return new UpgradeValue();
    }

    /**
     * Calls {@link Upgrade} on the peer of {@code connection};
     * once the peer accepts, {@code protocol} takes the connection over instead of AMP.
     *
     * <p>Until the answer, the connection sends no box ({@link ProtocolSwitchedException}).
     * The future completes with {@code protocol} once it has taken over, or exceptionally with
     * {@link UnhandledCommandException} if the peer does not know the command,
     * {@link UnknownRemoteErrorException} for any other error code
     * (after an error AMP goes on), or {@link ConnectionLostException} if the connection closes first.
     *
     * @param connection the connection to call on
     * @param protocol the protocol that takes the connection over after the answer
     * @param <P> the protocol's type
     * @return the protocol, once it has taken the connection over
     */
    public static <P extends SwitchedProtocol> CompletableFuture<P> call(AmpConnection connection,
            P protocol) {
        return connection.switchProtocol(UpgradeCommand.COMMAND, arguments(), protocol);
    }

    /**
     * Calls {@link Upgrade} on the peer of {@code connection}
     * and waits for the answer, without a time limit (a closing connection fails every call it has
     * not answered) and without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param protocol the protocol that takes the connection over after the answer
     * @param <P> the protocol's type
     * @return the protocol, once it has taken the connection over
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     */
    public static <P extends SwitchedProtocol> P callBlocking(AmpConnection connection,
            P protocol) {
        return BlockingCalls.await(call(connection, protocol));
    }

    /**
     * Calls {@link Upgrade} on the peer of {@code connection}
     * and waits at most {@code timeout} for the answer, without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param timeout how long to wait for the answer
     * @param protocol the protocol that takes the connection over after the answer
     * @param <P> the protocol's type
     * @return the protocol, once it has taken the connection over
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws CallTimeoutException if no answer comes within {@code timeout} (should the peer answer later,
     * the connection still switches to {@code protocol})
     */
    public static <P extends SwitchedProtocol> P callBlocking(AmpConnection connection,
            Duration timeout, P protocol) {
        return BlockingCalls.await(call(connection, protocol), timeout, UpgradeCommand.COMMAND,
                connection);
    }

    private record UpgradeValue() implements Upgrade {
        @Override
        public String toString() {
            return "Upgrade[]";
        }
    }

    private static final class UpgradeCodec implements BoxCodec<Upgrade> {
        static final UpgradeCodec INSTANCE = new UpgradeCodec();

        static final List<FieldSchema> FIELDS = List.of();

        private UpgradeCodec() {
        }

        @Override
        public void write(Upgrade value, Box box, ArgumentContext context) {
        }

        @Override
        public Upgrade read(Box box, ArgumentContext context) {
            return new UpgradeValue();
        }
    }
}
