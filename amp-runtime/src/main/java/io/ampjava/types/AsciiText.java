package io.ampjava.types;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The character classes Python's number parsers use, within ASCII: shared by the {@code Integer},
 * {@code Float} and {@code Decimal} parsers so they agree on what a digit and a space are.
 */
final class AsciiText {
    private AsciiText() {}

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** The whitespace Python strips from bytes ({@code int(b' 1 ')}, {@code float(b' 1 ')}): {@code \t}..{@code \r}, space. */
    static boolean isBytesSpace(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** Python's {@code str.strip()} whitespace within ASCII: tab to CR, the four separators, space. */
    static boolean isTextSpace(int c) {
        return isBytesSpace(c) || (c >= 0x1c && c <= 0x1f);
    }

    /** The index of the first byte of {@code wire} that is not {@link #isBytesSpace bytes whitespace}. */
    static int trimmedStart(byte[] wire) {
        int start = 0;
        while (start < wire.length && isBytesSpace(wire[start])) {
            start++;
        }
        return start;
    }

    /** The end of {@code wire} without trailing whitespace, no lower than {@code start}. */
    static int trimmedEnd(byte[] wire, int start) {
        int end = wire.length;
        while (end > start && isBytesSpace(wire[end - 1])) {
            end--;
        }
        return end;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUESTION_MARKS = '?' * ONES;

    /** Whether {@code bytes} holds a {@code '?'}: eight bytes a step, for long text. */
    static boolean containsQuestionMark(byte[] bytes) {
        int i = 0;
        for (int end = bytes.length - 7; i < end; i += 8) {
            long word = (long) LONGS.get(bytes, i) ^ QUESTION_MARKS; // a '?' byte becomes 0
            if (((word - ONES) & ~word & HIGHS) != 0) {
                return true;
            }
        }
        for (; i < bytes.length; i++) {
            if (bytes[i] == '?') {
                return true;
            }
        }
        return false;
    }
}
