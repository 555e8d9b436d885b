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
import io.ampjava.types.UnicodeArgument;
import io.ampjava.wire.Box;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * The AMP command {@link Log}, wire name <code>log</code>:
 * its descriptor, values and calls.
 */
@Generated("io.ampjava.processor.AmpProcessor")
public final class LogCommand {
    /**
     * {@link Log} as the runtime sees it: wire name, codecs, declared errors and schema.
     */
    public static final Command<Log, Void> COMMAND =
            Command.builder("log", LogCodec.INSTANCE, Command.EMPTY)
                    .schema(LogCodec.FIELDS, List.of())
                    .build();

    private LogCommand() {
    }

    /**
     * The arguments of {@link Log}, to pass to {@link AmpConnection#callRemote}.
     *
     * @param line required
     * @param level optional: null leaves it out
     * @throws NullPointerException if a required argument is null
     */
    public static Log arguments(String line, String level) {
        return new LogValue(line, level);
    }

    /**
     * Calls {@link Log} on the peer of {@code connection}.
     *
     * <p>The future completes with the empty answer ({@code null}), or exceptionally with
     * {@link NullPointerException} if a required argument is null (nothing is sent),
     * {@link UnhandledCommandException} if the peer does not know the command,
     * {@link UnknownRemoteErrorException} for any other error code,
     * or {@link ConnectionLostException} if the connection closes first.
     *
     * @param connection the connection to call on
     * @param line required
     * @param level optional: null leaves it out
     * @return the answer to come
     */
    public static CompletableFuture<Void> call(AmpConnection connection, String line,
            String level) {
        Log arguments;
        try {
            arguments = arguments(line, level);
        } catch (NullPointerException failure) {
            return CompletableFuture.failedFuture(failure);
        }
        return connection.callRemote(LogCommand.COMMAND, arguments);
    }

    /**
     * Calls {@link Log} on the peer of {@code connection}
     * and waits for the answer, without a time limit (a closing connection fails every call it has
     * not answered) and without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param line required
     * @param level optional: null leaves it out
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws NullPointerException if a required argument is null (nothing is sent)
     */
    public static void callBlocking(AmpConnection connection, String line, String level) {
        BlockingCalls.await(call(connection, line, level));
    }

    /**
     * Calls {@link Log} on the peer of {@code connection}
     * and waits at most {@code timeout} for the answer, without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param timeout how long to wait for the answer
     * @param line required
     * @param level optional: null leaves it out
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws CallTimeoutException if no answer comes within {@code timeout} (the call is given up)
     * @throws NullPointerException if a required argument is null (nothing is sent)
     */
    public static void callBlocking(AmpConnection connection, Duration timeout, String line,
            String level) {
        BlockingCalls.await(call(connection, line, level), timeout, LogCommand.COMMAND, connection);
    }

    private record LogValue(String line, String level) implements Log {
        LogValue {
            Objects.requireNonNull(line, "required argument 'line' is null");
        }

        @Override
        public String toString() {
            return "Log[line=" + line + ", level=" + level + "]";
        }
    }

    private static final class LogCodec implements BoxCodec<Log> {
        static final LogCodec INSTANCE = new LogCodec();

        private static final byte[] LINE = "line".getBytes(StandardCharsets.UTF_8);

        private static final byte[] LEVEL = "level".getBytes(StandardCharsets.UTF_8);

        static final List<FieldSchema> FIELDS = List.of(
                FieldSchema.required("line", AmpType.UNICODE),
                FieldSchema.optional("level", AmpType.UNICODE));

        private LogCodec() {
        }

        @Override
        public void write(Log value, Box box, ArgumentContext context) {
            String line = Objects.requireNonNull(value.line(), "required argument 'line' is null");
            box.put(LINE, UnicodeArgument.INSTANCE.toWire(line, context));
            String level = value.level();
            if (level != null) {
                box.put(LEVEL, UnicodeArgument.INSTANCE.toWire(level, context));
            }
        }

        @Override
        public Log read(Box box, ArgumentContext context) {
            byte[] line = box.get(LINE);
            if (line == null) {
                throw BadArgumentException.missing("line");
            }
            byte[] level = box.get(LEVEL);
            return new LogValue(UnicodeArgument.INSTANCE.fromWire(line, context),
                    level == null ? null : UnicodeArgument.INSTANCE.fromWire(level, context));
        }
    }
}
