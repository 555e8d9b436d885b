package shop;

import io.ampjava.schema.AmpType;
import io.ampjava.schema.FieldSchema;
import io.ampjava.types.AmpListArgument;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.ArgumentType;
import io.ampjava.types.BadArgumentException;
import io.ampjava.types.BoxCodec;
import io.ampjava.types.IntArgument;
import io.ampjava.types.UnicodeArgument;
import io.ampjava.wire.Box;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The elements of an AmpList of {@link Order.Line}: their value, the codec of the box each
 * travels as and its fields, shared by every command that uses them.
 */
@Generated("io.ampjava.processor.AmpProcessor")
public final class Order_LineElement {
    /**
     * Writes one element as a box, and reads it back.
     */
    public static final BoxCodec<Order.Line> CODEC = LineCodec.INSTANCE;

    /**
     * The fields of one element, as they travel.
     */
    public static final List<FieldSchema> FIELDS = LineCodec.FIELDS;

    private Order_LineElement() {
    }

    /**
     * One element of an AmpList of {@link Order.Line}.
     *
     * @param sku required
     * @param quantity required
     * @param tags optional: null leaves it out
     * @throws NullPointerException if a required argument is null or a list holds null
     */
    public static Order.Line of(String sku, int quantity, List<Tag> tags) {
        return new LineValue(sku, quantity, tags);
    }

    private record LineValue(String sku, int quantity, List<Tag> tags) implements Order.Line {
        LineValue {
            Objects.requireNonNull(sku, "required argument 'sku' is null");
            tags = tags == null ? null : List.copyOf(tags);
        }

        @Override
        public String toString() {
            return "Order.Line[sku=" + sku + ", quantity=" + quantity + ", tags=" + tags + "]";
        }
    }

    private static final class LineCodec implements BoxCodec<Order.Line> {
        static final LineCodec INSTANCE = new LineCodec();

        private static final byte[] SKU = "sku".getBytes(StandardCharsets.UTF_8);

        private static final byte[] QUANTITY = "quantity".getBytes(StandardCharsets.UTF_8);

        private static final byte[] TAGS = "tags".getBytes(StandardCharsets.UTF_8);

        private static final ArgumentType<List<Tag>> TAGS_TYPE =
                new AmpListArgument<>(TagElement.CODEC);

        static final List<FieldSchema> FIELDS = List.of(
                FieldSchema.required("sku", AmpType.UNICODE),
                FieldSchema.required("quantity", AmpType.INTEGER),
                FieldSchema.optional("tags", AmpType.ampList(TagElement.FIELDS)));

        private LineCodec() {
        }

        @Override
        public void write(Order.Line value, Box box, ArgumentContext context) {
            String sku = Objects.requireNonNull(value.sku(), "required argument 'sku' is null");
            box.put(SKU, UnicodeArgument.INSTANCE.toWire(sku, context));
            box.put(QUANTITY, IntArgument.encode(value.quantity()));
            List<Tag> tags = value.tags();
            if (tags != null) {
                box.put(TAGS, TAGS_TYPE.toWire(tags, context));
            }
        }

        @Override
        public Order.Line read(Box box, ArgumentContext context) {
            byte[] sku = box.get(SKU);
            if (sku == null) {
                throw BadArgumentException.missing("sku");
            }
            byte[] quantity = box.get(QUANTITY);
            if (quantity == null) {
                throw BadArgumentException.missing("quantity");
            }
            byte[] tags = box.get(TAGS);
            return new LineValue(UnicodeArgument.INSTANCE.fromWire(sku, context),
                    IntArgument.decode(quantity),
                    tags == null ? null : TAGS_TYPE.fromWire(tags, context));
        }
    }
}
