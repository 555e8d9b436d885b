package shop;

import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.BlockingCalls;
import io.ampjava.dispatch.CallTimeoutException;
import io.ampjava.dispatch.Command;
import io.ampjava.dispatch.ConnectionLostException;
import io.ampjava.dispatch.UnhandledCommandException;
import io.ampjava.dispatch.UnknownRemoteErrorException;
import io.ampjava.schema.AmpType;
import io.ampjava.schema.FieldSchema;
import io.ampjava.types.AmpListArgument;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.ArgumentType;
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
 * The AMP command {@link Retag}, wire name <code>Retag</code>:
 * its descriptor, values and calls.
 */
@Generated("io.ampjava.processor.AmpProcessor")
public final class RetagCommand {
    /**
     * {@link Retag} as the runtime sees it: wire name, codecs, declared errors and schema.
     */
    public static final Command<Retag, Void> COMMAND =
            Command.builder("Retag", RetagCodec.INSTANCE, Command.EMPTY)
                    .schema(RetagCodec.FIELDS, List.of())
                    .build();

    private RetagCommand() {
    }

    /**
     * The arguments of {@link Retag}, to pass to {@link AmpConnection#callRemote}.
     *
     * @param sku required
     * @param tags required
     * @param notes optional: null leaves it out
     * @throws NullPointerException if a required argument is null or a list holds null
     */
    public static Retag arguments(String sku, List<Tag> tags, List<Note> notes) {
        return new RetagValue(sku, tags, notes);
    }

    /**
     * One element of an AmpList of {@link Tag}, as
     * {@link TagElement#of} makes it: equal to the elements of any other command with the same values.
     *
     * @param name required
     * @param value optional: null leaves it out
     * @throws NullPointerException if a required argument is null
     */
    public static Tag tag(String name, String value) {
        return TagElement.of(name, value);
    }

    /**
     * One element of an AmpList of {@link Note}, as
     * {@link NoteElement#of} makes it: equal to the elements of any other command with the same values.
     *
     * @param text required
     * @throws NullPointerException if a required argument is null
     */
    public static Note note(String text) {
        return NoteElement.of(text);
    }

    /**
     * Calls {@link Retag} on the peer of {@code connection}.
     *
     * <p>The future completes with the empty answer ({@code null}), or exceptionally with
     * {@link NullPointerException} if a required argument is null or a list holds null (nothing is sent),
     * {@link UnhandledCommandException} if the peer does not know the command,
     * {@link UnknownRemoteErrorException} for any other error code,
     * or {@link ConnectionLostException} if the connection closes first.
     *
     * @param connection the connection to call on
     * @param sku required
     * @param tags required
     * @param notes optional: null leaves it out
     * @return the answer to come
     */
    public static CompletableFuture<Void> call(AmpConnection connection, String sku, List<Tag> tags,
            List<Note> notes) {
        Retag arguments;
        try {
            arguments = arguments(sku, tags, notes);
        } catch (NullPointerException failure) {
            return CompletableFuture.failedFuture(failure);
        }
        return connection.callRemote(RetagCommand.COMMAND, arguments);
    }

    /**
     * Calls {@link Retag} on the peer of {@code connection}
     * and waits for the answer, without a time limit (a closing connection fails every call it has
     * not answered) and without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param sku required
     * @param tags required
     * @param notes optional: null leaves it out
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws NullPointerException if a required argument is null or a list holds null (nothing is sent)
     */
    public static void callBlocking(AmpConnection connection, String sku, List<Tag> tags,
            List<Note> notes) {
        BlockingCalls.await(call(connection, sku, tags, notes));
    }

    /**
     * Calls {@link Retag} on the peer of {@code connection}
     * and waits at most {@code timeout} for the answer, without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param timeout how long to wait for the answer
     * @param sku required
     * @param tags required
     * @param notes optional: null leaves it out
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws CallTimeoutException if no answer comes within {@code timeout} (the call is given up)
     * @throws NullPointerException if a required argument is null or a list holds null (nothing is sent)
     */
    public static void callBlocking(AmpConnection connection, Duration timeout, String sku,
            List<Tag> tags, List<Note> notes) {
        BlockingCalls.await(call(connection, sku, tags, notes), timeout, RetagCommand.COMMAND,
                connection);
    }

    private record RetagValue(String sku, List<Tag> tags, List<Note> notes) implements Retag {
        RetagValue {
            Objects.requireNonNull(sku, "required argument 'sku' is null");
            tags = List.copyOf(Objects.requireNonNull(tags, "required argument 'tags' is null"));
            notes = notes == null ? null : List.copyOf(notes);
        }

        @Override
        public String toString() {
            return "Retag[sku=" + sku + ", tags=" + tags + ", notes=" + notes + "]";
        }
    }

    private static final class RetagCodec implements BoxCodec<Retag> {
        static final RetagCodec INSTANCE = new RetagCodec();

        private static final byte[] SKU = "sku".getBytes(StandardCharsets.UTF_8);

        private static final byte[] TAGS = "tags".getBytes(StandardCharsets.UTF_8);

        private static final byte[] NOTES = "notes".getBytes(StandardCharsets.UTF_8);

        private static final ArgumentType<List<Tag>> TAGS_TYPE =
                new AmpListArgument<>(TagElement.CODEC);

        private static final ArgumentType<List<Note>> NOTES_TYPE =
                new AmpListArgument<>(NoteElement.CODEC);

        static final List<FieldSchema> FIELDS = List.of(
                FieldSchema.required("sku", AmpType.UNICODE),
                FieldSchema.required("tags", AmpType.ampList(TagElement.FIELDS)),
                FieldSchema.optional("notes", AmpType.ampList(NoteElement.FIELDS)));

        private RetagCodec() {
        }

        @Override
        public void write(Retag value, Box box, ArgumentContext context) {
            String sku = Objects.requireNonNull(value.sku(), "required argument 'sku' is null");
            box.put(SKU, UnicodeArgument.INSTANCE.toWire(sku, context));
            List<Tag> tags = Objects.requireNonNull(value.tags(),
                    "required argument 'tags' is null");
            box.put(TAGS, TAGS_TYPE.toWire(tags, context));
            List<Note> notes = value.notes();
            if (notes != null) {
                box.put(NOTES, NOTES_TYPE.toWire(notes, context));
            }
        }

        @Override
        public Retag read(Box box, ArgumentContext context) {
            byte[] sku = box.get(SKU);
            if (sku == null) {
                throw BadArgumentException.missing("sku");
            }
            byte[] tags = box.get(TAGS);
            if (tags == null) {
                throw BadArgumentException.missing("tags");
            }
            byte[] notes = box.get(NOTES);
            return new RetagValue(UnicodeArgument.INSTANCE.fromWire(sku, context),
                    TAGS_TYPE.fromWire(tags, context),
                    notes == null ? null : NOTES_TYPE.fromWire(notes, context));
        }
    }
}
