package io.ampjava.types;

import io.ampjava.wire.Box;
import io.ampjava.wire.BoxDecoder;
import io.ampjava.wire.BoxEncoder;
import io.ampjava.wire.ProtocolException;
import io.ampjava.wire.TooLongException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * AMP {@code AmpList}: a list of records as one value, each record serialized as a complete box
 * (its own sorted keys and {@code 00 00} terminator), one after the other. With elements
 * {@code a: Integer, b: Unicode}, {@code [{a:7, b:hello}]} is
 * {@code 00 01 a 00 01 7 00 01 b 00 05 hello 00 00}; the empty list is the empty value.
 *
 * <p>The element codec decides which keys each box holds (optional fields absent when null);
 * nested boxes never carry the special {@code _ask}/{@code _command}... keys. Records may
 * themselves hold an {@code AmpList}. Like Twisted, decoding ignores a trailing partial box; a
 * stray empty box is read as a record with every field absent.
 *
 * @param <T> the record type
 */
public final class AmpListArgument<T> implements ArgumentType<List<T>> {
    private final BoxCodec<T> element;

    /**
     * An AmpList of records.
     *
     * @param element the codec of each record
     */
    public AmpListArgument(BoxCodec<T> element) {
        this.element = Objects.requireNonNull(element, "element");
    }

    /** {@return the codec of each record} */
    public BoxCodec<T> elementCodec() {
        return element;
    }

    /**
     * @throws NullPointerException if an element is null
     * @throws io.ampjava.wire.TooLongException if a field of a record is too long for a box
     */
    @Override
    public byte[] toWire(List<T> values, ArgumentContext context) {
        Box[] boxes = new Box[values.size()];
        long total = 0;
        int count = 0;
        for (T value : values) {
            if (value == null) {
                throw new NullPointerException("AmpList element " + count + " is null");
            }
            Box box = new Box();
            element.write(value, box, context);
            boxes[count++] = box;
            total += BoxEncoder.encodedLength(box);
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("AmpList value of " + total + " bytes is too large");
        }
        ByteBuffer out = ByteBuffer.allocate((int) total);
        for (int i = 0; i < count; i++) {
            BoxEncoder.encode(boxes[i], out);
        }
        return out.array();
    }

    /**
     * Returns an unmodifiable list. The records are decoded one level deeper in {@code context}
     * ({@link ArgumentContext#nestingDepth()}).
     *
     * @throws BadArgumentException if the value is not a sequence of boxes, a record does not
     *     decode (the message names its index), or the value sits deeper than
     *     {@link ArgumentContext#maxNestingDepth()}
     */
    @Override
    public List<T> fromWire(byte[] wire, ArgumentContext context) {
        ArgumentContext inner = NestedContext.inside(context);
        List<Box> boxes;
        try {
            boxes = BoxDecoder.parse(wire);
        } catch (TooLongException | ProtocolException e) {
            // Inside a value this is a bad argument, not a broken connection.
            throw new BadArgumentException("AmpList value is not a sequence of boxes: " + e.getMessage(), e);
        }
        List<T> values = new ArrayList<>(boxes.size());
        for (Box box : boxes) {
            try {
                values.add(element.read(box, inner));
            } catch (BadArgumentException e) {
                throw new BadArgumentException("AmpList element " + values.size() + ": " + e.getMessage(), e);
            }
        }
        return Collections.unmodifiableList(values);
    }
}
