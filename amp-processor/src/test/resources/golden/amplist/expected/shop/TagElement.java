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
 * The elements of an AmpList of {@link Tag}: their value, the codec of the box each
 * travels as and its fields, shared by every command that uses them.
 */
@Generated("io.ampjava.processor.AmpProcessor")
public final class TagElement {
    /**
     * Writes one element as a box, and reads it back.
     */
    public static final BoxCodec<Tag> CODEC = TagCodec.INSTANCE;

    /**
     * The fields of one element, as they travel.
     */
    public static final List<FieldSchema> FIELDS = TagCodec.FIELDS;

    private TagElement() {
    }

    /**
     * One element of an AmpList of {@link Tag}.
     *
     * @param name required
     * @param value optional: null leaves it out
     * @throws NullPointerException if a required argument is null
     */
    public static Tag of(String name, String value) {
        return new TagValue(name, value);
    }

    private record TagValue(String name, String value) implements Tag {
        TagValue {
            Objects.requireNonNull(name, "required argument 'name' is null");
        }

        @Override
        public String toString() {
            return "Tag[name=" + name + ", value=" + value + "]";
        }
    }

    private static final class TagCodec implements BoxCodec<Tag> {
        static final TagCodec INSTANCE = new TagCodec();

        private static final byte[] NAME = "name".getBytes(StandardCharsets.UTF_8);

        private static final byte[] VALUE = "value".getBytes(StandardCharsets.UTF_8);

        static final List<FieldSchema> FIELDS = List.of(
                FieldSchema.required("name", AmpType.UNICODE),
                FieldSchema.optional("value", AmpType.UNICODE));

        private TagCodec() {
        }

        @Override
        public void write(Tag value, Box box, ArgumentContext context) {
            String name = Objects.requireNonNull(value.name(), "required argument 'name' is null");
            box.put(NAME, UnicodeArgument.INSTANCE.toWire(name, context));
            String value_ = value.value();
            if (value_ != null) {
                box.put(VALUE, UnicodeArgument.INSTANCE.toWire(value_, context));
            }
        }

        @Override
        public Tag read(Box box, ArgumentContext context) {
            byte[] name = box.get(NAME);
            if (name == null) {
                throw BadArgumentException.missing("name");
            }
            byte[] value = box.get(VALUE);
            return new TagValue(UnicodeArgument.INSTANCE.fromWire(name, context),
                    value == null ? null : UnicodeArgument.INSTANCE.fromWire(value, context));
        }
    }
}
