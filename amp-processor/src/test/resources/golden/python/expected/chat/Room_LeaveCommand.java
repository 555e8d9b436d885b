package chat;

import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.BlockingCalls;
import io.ampjava.dispatch.CallTimeoutException;
import io.ampjava.dispatch.Command;
import io.ampjava.dispatch.ConnectionLostException;
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
 * The AMP command {@link Room.Leave}, wire name <code>Leave</code>:
 * its descriptor, values and calls.
 */
@Generated("io.ampjava.processor.AmpProcessor")
public final class Room_LeaveCommand {
    /**
     * {@link Room.Leave} as the runtime sees it: wire name, codecs, declared errors and schema.
     */
    public static final Command<Room.Leave, Void> COMMAND =
            Command.builder("Leave", LeaveCodec.INSTANCE, Command.EMPTY)
                    .closesConnection(true)
                    .schema(LeaveCodec.FIELDS, List.of())
                    .build();

    private Room_LeaveCommand() {
    }

    /**
     * The arguments of {@link Room.Leave}, to pass to {@link AmpConnection#callRemote}.
     */
    public static Room.Leave arguments() {
        return new LeaveValue();
    }

    /**
     * Calls {@link Room.Leave} on the peer of {@code connection}.
     *
     * <p>The future completes with the empty answer ({@code null}), or exceptionally with
     * {@link UnhandledCommandException} if the peer does not know the command,
     * {@link UnknownRemoteErrorException} for any other error code,
     * or {@link ConnectionLostException} if the connection closes first.
     *
     * @param connection the connection to call on
     * @return the answer to come
     */
    public static CompletableFuture<Void> call(AmpConnection connection) {
        return connection.callRemote(Room_LeaveCommand.COMMAND, arguments());
    }

    /**
     * Calls {@link Room.Leave} on the peer of {@code connection}
     * and waits for the answer, without a time limit (a closing connection fails every call it has
     * not answered) and without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     */
    public static void callBlocking(AmpConnection connection) {
        BlockingCalls.await(call(connection));
    }

    /**
     * Calls {@link Room.Leave} on the peer of {@code connection}
     * and waits at most {@code timeout} for the answer, without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param timeout how long to wait for the answer
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws CallTimeoutException if no answer comes within {@code timeout} (the call is given up)
     */
    public static void callBlocking(AmpConnection connection, Duration timeout) {
        BlockingCalls.await(call(connection), timeout, Room_LeaveCommand.COMMAND, connection);
    }

    private record LeaveValue() implements Room.Leave {
        @Override
        public String toString() {
            return "Room.Leave[]";
        }
    }

    private static final class LeaveCodec implements BoxCodec<Room.Leave> {
        static final LeaveCodec INSTANCE = new LeaveCodec();

        static final List<FieldSchema> FIELDS = List.of();

        private LeaveCodec() {
        }

        @Override
        public void write(Room.Leave value, Box box, ArgumentContext context) {
        }

        @Override
        public Room.Leave read(Box box, ArgumentContext context) {
            return new LeaveValue();
        }
    }
}
