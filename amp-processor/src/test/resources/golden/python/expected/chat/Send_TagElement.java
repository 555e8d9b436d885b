package chat;

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
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The elements of an AmpList of {@link Send.Tag}: their value, the codec of the box each
 * travels as and its fields, shared by every command that uses them.
 */
@Generated("io.ampjava.processor.AmpProcessor")
public final class Send_TagElement {
    /**
     * Writes one element as a box, and reads it back.
     */
    public static final BoxCodec<Send.Tag> CODEC = TagCodec.INSTANCE;

    /**
     * The fields of one element, as they travel.
     */
    public static final List<FieldSchema> FIELDS = TagCodec.FIELDS;

    private Send_TagElement() {
    }

    /**
     * One element of an AmpList of {@link Send.Tag}.
     *
     * @param name required
     * @param parts optional: null leaves it out
     * @throws NullPointerException if a required argument is null or a list holds null
     */
    public static Send.Tag of(String name, List<Send.Tag.Part> parts) {
        return new TagValue(name, parts);
    }

    private record TagValue(String name, List<Send.Tag.Part> parts) implements Send.Tag {
        TagValue {
            Objects.requireNonNull(name, "required argument 'name' is null");
            parts = parts == null ? null : List.copyOf(parts);
        }

        @Override
        public String toString() {
            return "Send.Tag[name=" + name + ", parts=" + parts + "]";
        }
    }

    private static final class TagCodec implements BoxCodec<Send.Tag> {
        static final TagCodec INSTANCE = new TagCodec();

        private static final byte[] NAME = "name".getBytes(StandardCharsets.UTF_8);

        private static final byte[] PARTS = "parts".getBytes(StandardCharsets.UTF_8);

        private static final ArgumentType<List<Send.Tag.Part>> PARTS_TYPE =
                new AmpListArgument<>(Send_Tag_PartElement.CODEC);

        static final List<FieldSchema> FIELDS = List.of(
                FieldSchema.required("name", AmpType.UNICODE),
                FieldSchema.optional("parts", AmpType.ampList(Send_Tag_PartElement.FIELDS)));

        private TagCodec() {
        }

        @Override
        public void write(Send.Tag value, Box box, ArgumentContext context) {
            String name = Objects.requireNonNull(value.name(), "required argument 'name' is null");
            box.put(NAME, UnicodeArgument.INSTANCE.toWire(name, context));
            List<Send.Tag.Part> parts = value.parts();
            if (parts != null) {
                box.put(PARTS, PARTS_TYPE.toWire(parts, context));
            }
        }

        @Override
        public Send.Tag read(Box box, ArgumentContext context) {
            byte[] name = box.get(NAME);
            if (name == null) {
                throw BadArgumentException.missing("name");
            }
            byte[] parts = box.get(PARTS);
            return new TagValue(UnicodeArgument.INSTANCE.fromWire(name, context),
                    parts == null ? null : PARTS_TYPE.fromWire(parts, context));
        }
    }
}
