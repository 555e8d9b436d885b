package chat;

import io.ampjava.schema.AmpType;
import io.ampjava.schema.FieldSchema;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.BadArgumentException;
import io.ampjava.types.BoxCodec;
import io.ampjava.types.LongArgument;
import io.ampjava.wire.Box;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The elements of an AmpList of {@link Send.Tag.Part}: their value, the codec of the box each
 * travels as and its fields, shared by every command that uses them.
 */
@Generated("io.ampjava.processor.AmpProcessor")
public final class Send_Tag_PartElement {
    /**
     * Writes one element as a box, and reads it back.
     */
    public static final BoxCodec<Send.Tag.Part> CODEC = PartCodec.INSTANCE;

    /**
     * The fields of one element, as they travel.
     */
    public static final List<FieldSchema> FIELDS = PartCodec.FIELDS;

    private Send_Tag_PartElement() {
    }

    /**
     * One element of an AmpList of {@link Send.Tag.Part}.
     *
     * @param offset required
     */
    public static Send.Tag.Part of(long offset) {
        return new PartValue(offset);
    }

    private record PartValue(long offset) implements Send.Tag.Part {
        @Override
        public String toString() {
            return "Send.Tag.Part[offset=" + offset + "]";
        }
    }

    private static final class PartCodec implements BoxCodec<Send.Tag.Part> {
        static final PartCodec INSTANCE = new PartCodec();

        private static final byte[] OFFSET = "offset".getBytes(StandardCharsets.UTF_8);

        static final List<FieldSchema> FIELDS = List.of(FieldSchema.required("offset", AmpType.INTEGER));

        private PartCodec() {
        }

        @Override
        public void write(Send.Tag.Part value, Box box, ArgumentContext context) {
            box.put(OFFSET, LongArgument.encode(value.offset()));
        }

        @Override
        public Send.Tag.Part read(Box box, ArgumentContext context) {
            byte[] offset = box.get(OFFSET);
            if (offset == null) {
                throw BadArgumentException.missing("offset");
            }
            return new PartValue(LongArgument.decode(offset));
        }
    }
}
