package sw;

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
import io.ampjava.types.ArgumentType;
import io.ampjava.types.BadArgumentException;
import io.ampjava.types.BoxCodec;
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
 * The AMP command {@link SwitchToEcho}, wire name <code>SwitchToEcho</code>:
 * its descriptor, values and calls.
 */
@Generated("io.ampjava.processor.AmpProcessor")
public final class SwitchToEchoCommand {
    /**
     * {@link SwitchToEcho} as the runtime sees it: wire name, codecs, declared errors and schema.
     */
    public static final Command<SwitchToEcho, Void> COMMAND =
            Command.builder("SwitchToEcho", SwitchToEchoCodec.INSTANCE, Command.EMPTY)
                    .error(ErrorSpec.of("REFUSED", IllegalStateException.class,
                            IllegalStateException::new))
                    .switchesProtocol(true)
                    .schema(SwitchToEchoCodec.FIELDS, List.of())
                    .build();

    private SwitchToEchoCommand() {
    }

    /**
     * The arguments of {@link SwitchToEcho}, to pass to {@link AmpConnection#switchProtocol}.
     *
     * @param mode required
     * @param protocol required
     * @param tag required
     * @throws NullPointerException if a required argument is null
     */
    public static SwitchToEcho arguments(String mode, long protocol, P tag) {
        return new SwitchToEchoValue(mode, protocol, tag);
    }

    /**
     * Calls {@link SwitchToEcho} on the peer of {@code connection};
     * once the peer accepts, {@code protocol_} takes the connection over instead of AMP.
     *
     * <p>Until the answer, the connection sends no box ({@link ProtocolSwitchedException}).
     * The future completes with {@code protocol_} once it has taken over, or exceptionally with
     * {@link NullPointerException} if a required argument is null (nothing is sent),
     * {@link IllegalStateException} (error <code>REFUSED</code>),
     * {@link UnhandledCommandException} if the peer does not know the command,
     * {@link UnknownRemoteErrorException} for any other error code
     * (after an error AMP goes on), or {@link ConnectionLostException} if the connection closes first.
     *
     * @param connection the connection to call on
     * @param mode required
     * @param protocol required
     * @param tag required
     * @param protocol_ the protocol that takes the connection over after the answer
     * @param <P2> the protocol's type
     * @return the protocol, once it has taken the connection over
     */
    public static <P2 extends SwitchedProtocol> CompletableFuture<P2> call(AmpConnection connection,
            String mode, long protocol, P tag, P2 protocol_) {
        SwitchToEcho arguments;
        try {
            arguments = arguments(mode, protocol, tag);
        } catch (NullPointerException failure) {
            return CompletableFuture.failedFuture(failure);
        }
        return connection.switchProtocol(SwitchToEchoCommand.COMMAND, arguments, protocol_);
    }

    /**
     * Calls {@link SwitchToEcho} on the peer of {@code connection}
     * and waits for the answer, without a time limit (a closing connection fails every call it has
     * not answered) and without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param mode required
     * @param protocol required
     * @param tag required
     * @param protocol_ the protocol that takes the connection over after the answer
     * @param <P2> the protocol's type
     * @return the protocol, once it has taken the connection over
     * @throws IllegalStateException if the peer answers the error <code>REFUSED</code>
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws NullPointerException if a required argument is null (nothing is sent)
     */
    public static <P2 extends SwitchedProtocol> P2 callBlocking(AmpConnection connection,
            String mode, long protocol, P tag, P2 protocol_) {
        return BlockingCalls.await(call(connection, mode, protocol, tag, protocol_));
    }

    /**
     * Calls {@link SwitchToEcho} on the peer of {@code connection}
     * and waits at most {@code timeout} for the answer, without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param timeout how long to wait for the answer
     * @param mode required
     * @param protocol required
     * @param tag required
     * @param protocol_ the protocol that takes the connection over after the answer
     * @param <P2> the protocol's type
     * @return the protocol, once it has taken the connection over
     * @throws IllegalStateException if the peer answers the error <code>REFUSED</code>
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws CallTimeoutException if no answer comes within {@code timeout} (should the peer answer later,
     * the connection still switches to {@code protocol_})
     * @throws NullPointerException if a required argument is null (nothing is sent)
     */
    public static <P2 extends SwitchedProtocol> P2 callBlocking(AmpConnection connection,
            Duration timeout, String mode, long protocol, P tag, P2 protocol_) {
        return BlockingCalls.await(call(connection, mode, protocol, tag, protocol_), timeout,
                SwitchToEchoCommand.COMMAND, connection);
    }

    private record SwitchToEchoValue(String mode, long protocol, P tag) implements SwitchToEcho {
        SwitchToEchoValue {
            Objects.requireNonNull(mode, "required argument 'mode' is null");
            Objects.requireNonNull(tag, "required argument 'tag' is null");
        }

        @Override
        public String toString() {
            return "SwitchToEcho[mode=" + mode + ", protocol=" + protocol + ", tag=" + tag + "]";
        }
    }

    private static final class SwitchToEchoCodec implements BoxCodec<SwitchToEcho> {
        static final SwitchToEchoCodec INSTANCE = new SwitchToEchoCodec();

        private static final byte[] MODE = "mode".getBytes(StandardCharsets.UTF_8);

        private static final byte[] PROTOCOL = "protocol".getBytes(StandardCharsets.UTF_8);

        private static final byte[] TAG = "tag".getBytes(StandardCharsets.UTF_8);

        private static final ArgumentType<P> TAG_TYPE = PType.INSTANCE;

        static final List<FieldSchema> FIELDS = List.of(
                FieldSchema.required("mode", AmpType.UNICODE),
                FieldSchema.required("protocol", AmpType.INTEGER),
                FieldSchema.required("tag", AmpType.custom("sw.PType")));

        private SwitchToEchoCodec() {
        }

        @Override
        public void write(SwitchToEcho value, Box box, ArgumentContext context) {
            String mode = Objects.requireNonNull(value.mode(), "required argument 'mode' is null");
            box.put(MODE, UnicodeArgument.INSTANCE.toWire(mode, context));
            box.put(PROTOCOL, LongArgument.encode(value.protocol()));
            P tag = Objects.requireNonNull(value.tag(), "required argument 'tag' is null");
            box.put(TAG, TAG_TYPE.toWire(tag, context));
        }

        @Override
        public SwitchToEcho read(Box box, ArgumentContext context) {
            byte[] mode = box.get(MODE);
            if (mode == null) {
                throw BadArgumentException.missing("mode");
            }
            byte[] protocol = box.get(PROTOCOL);
            if (protocol == null) {
                throw BadArgumentException.missing("protocol");
            }
            byte[] tag = box.get(TAG);
            if (tag == null) {
                throw BadArgumentException.missing("tag");
            }
            return new SwitchToEchoValue(UnicodeArgument.INSTANCE.fromWire(mode, context),
                    LongArgument.decode(protocol), TAG_TYPE.fromWire(tag, context));
        }
    }
}
