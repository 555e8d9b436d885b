package io.ampjava.types;

import io.ampjava.wire.AmpKeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * AMP {@code ListOf(element)}: a list as one value, each element's encoding behind a big-endian
 * 16-bit length, with no count and no terminator. {@code [1, 20, 500]} of {@link IntArgument} is
 * {@code 00 01 '1' 00 02 '20' 00 03 '500'}; the empty list is the empty value.
 *
 * <pre>{@code
 * ArgumentType<List<String>> names = new ListOfArgument<>(UnicodeArgument.INSTANCE);
 * }</pre>
 *
 * <p>The whole list must still fit one value (65535 bytes), which the box encoder checks. Like
 * Twisted, decoding ignores a trailing incomplete element. Twisted cannot put context-dependent
 * types ({@code AmpList}, {@code Descriptor}) inside a {@code ListOf}; this class passes the
 * context through, but a Twisted peer would not understand the result.
 *
 * @param <T> the element type
 */
public final class ListOfArgument<T> implements ArgumentType<List<T>> {
    private final ArgumentType<T> element;

    /**
     * A ListOf values.
     *
     * @param element the type of each element
     */
    public ListOfArgument(ArgumentType<T> element) {
        this.element = Objects.requireNonNull(element, "element");
    }

    /** {@return the type of each element} */
    public ArgumentType<T> elementType() {
        return element;
    }

    /**
     * @throws NullPointerException if an element is null (a list cannot carry an absent element)
     * @throws IllegalArgumentException if an element encodes to more than 65535 bytes
     */
    @Override
    public byte[] toWire(List<T> values, ArgumentContext context) {
        byte[][] parts = new byte[values.size()][];
        long total = 0;
        int count = 0;
        for (T value : values) {
            if (value == null) {
                throw new NullPointerException("ListOf element " + count + " is null");
            }
            byte[] part = element.toWire(value, context);
            if (part.length > AmpKeys.MAX_VALUE_LENGTH) {
                throw new IllegalArgumentException("ListOf element " + count + " encodes to " + part.length
                        + " bytes, more than its 16-bit length prefix allows (" + AmpKeys.MAX_VALUE_LENGTH + ")");
            }
            parts[count++] = part;
            total += 2 + part.length;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("ListOf value of " + total + " bytes is too large");
        }
        byte[] out = new byte[(int) total];
        int position = 0;
        for (int i = 0; i < count; i++) {
            byte[] part = parts[i];
            out[position] = (byte) (part.length >>> 8);
            out[position + 1] = (byte) part.length;
            System.arraycopy(part, 0, out, position + 2, part.length);
            position += 2 + part.length;
        }
        return out;
    }

    /**
     * Returns an unmodifiable list.
     *
     * @throws BadArgumentException if an element does not decode (the message names its index)
     */
    @Override
    public List<T> fromWire(byte[] wire, ArgumentContext context) {
        List<T> values = new ArrayList<>();
        int position = 0;
        while (wire.length - position >= 2) {
            int length = ((wire[position] & 0xff) << 8) | (wire[position + 1] & 0xff);
            int start = position + 2;
            if (wire.length - start < length) {
                break; // an incomplete last element is ignored, as Twisted's parser does
            }
            byte[] part = Arrays.copyOfRange(wire, start, start + length);
            try {
                values.add(element.fromWire(part, context));
            } catch (BadArgumentException e) {
                throw new BadArgumentException("ListOf element " + values.size() + ": " + e.getMessage(), e);
            }
            position = start + length;
        }
        return Collections.unmodifiableList(values);
    }
}
