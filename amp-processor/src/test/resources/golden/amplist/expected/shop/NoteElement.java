package shop;

import io.ampjava.schema.AmpType;
import io.ampjava.schema.FieldSchema;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.BadArgumentException;
import io.ampjava.types.BoxCodec;
import io.ampjava.types.UnicodeArgument;
import io.ampjava.wire.Box;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The elements of an AmpList of {@link Note}: their value, the codec of the box each
 * travels as and its fields, shared by every command that uses them.
 */
@Generated("io.ampjava.processor.AmpProcessor")
final class NoteElement {
    /**
     * Writes one element as a box, and reads it back.
     */
    public static final BoxCodec<Note> CODEC = NoteCodec.INSTANCE;

    /**
     * The fields of one element, as they travel.
     */
    public static final List<FieldSchema> FIELDS = NoteCodec.FIELDS;

    private NoteElement() {
    }

    /**
     * One element of an AmpList of {@link Note}.
     *
     * @param text required
     * @throws NullPointerException if a required argument is null
     */
    public static Note of(String text) {
        return new NoteValue(text);
    }

    private record NoteValue(String text) implements Note {
        NoteValue {
            Objects.requireNonNull(text, "required argument 'text' is null");
        }

        @Override
        public String toString() {
            return "Note[text=" + text + "]";
        }
    }

    private static final class NoteCodec implements BoxCodec<Note> {
        static final NoteCodec INSTANCE = new NoteCodec();

        private static final byte[] TEXT = "text".getBytes(StandardCharsets.UTF_8);

        static final List<FieldSchema> FIELDS = List.of(FieldSchema.required("text", AmpType.UNICODE));

        private NoteCodec() {
        }

        @Override
        public void write(Note value, Box box, ArgumentContext context) {
            String text = Objects.requireNonNull(value.text(), "required argument 'text' is null");
            box.put(TEXT, UnicodeArgument.INSTANCE.toWire(text, context));
        }

        @Override
        public Note read(Box box, ArgumentContext context) {
            byte[] text = box.get(TEXT);
            if (text == null) {
                throw BadArgumentException.missing("text");
            }
            return new NoteValue(UnicodeArgument.INSTANCE.fromWire(text, context));
        }
    }
}
