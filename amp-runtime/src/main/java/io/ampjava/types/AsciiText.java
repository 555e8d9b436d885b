package io.ampjava.types;

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
}
