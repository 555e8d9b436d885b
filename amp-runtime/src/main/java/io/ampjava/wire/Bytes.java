package io.ampjava.wire;

/** Byte-string helpers that mirror Python's behaviour where AMP's wire text depends on it. */
public final class Bytes {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Bytes() {}

    /**
     * Compares as unsigned bytes, lexicographically: the order Python sorts {@code bytes} in.
     *
     * @param a the first
     * @param b the second
     * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
     */
    public static int compareUnsigned(byte[] a, byte[] b) {
        return java.util.Arrays.compareUnsigned(a, b);
    }

    /**
     * {@link #repr(byte[])} of at most the first {@code maxBytes} bytes, then {@code ... (N bytes)}
     * if there were more: for quoting untrusted values in error messages.
     *
     * @param bytes the bytes
     * @param maxBytes how many to show at most
     * @return the text
     */
    public static String repr(byte[] bytes, int maxBytes) {
        if (bytes.length <= maxBytes) {
            return repr(bytes);
        }
        return repr(java.util.Arrays.copyOf(bytes, maxBytes)) + "... (" + bytes.length + " bytes)";
    }

    /**
     * Python's {@code repr} of a bytes object, e.g. {@code b'Sum'}, {@code b"it's"} or
     * {@code b'\xff\n'}; Twisted puts it in the {@code UNHANDLED} description.
     *
     * @param bytes the bytes
     * @return the text
     */
    public static String repr(byte[] bytes) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (byte b : bytes) {
            hasSingle |= b == '\'';
            hasDouble |= b == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder text = new StringBuilder(bytes.length + 3).append('b').append(quote);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == quote || c == '\\') {
                text.append('\\').append((char) c);
            } else if (c == '\t') {
                text.append("\\t");
            } else if (c == '\n') {
                text.append("\\n");
            } else if (c == '\r') {
                text.append("\\r");
            } else if (c < 0x20 || c >= 0x7f) {
                text.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                text.append((char) c);
            }
        }
        return text.append(quote).toString();
    }

    /**
     * Copies {@code length} bytes, at most 16, from {@code src[from]} to {@code dst[to]}. Most AMP
     * keys and values are a few bytes: straight-line stores up to 8 beat both a loop (whose exit
     * mispredicts on lengths that vary field by field) and the call into the arraycopy stub.
     */
    static void copyShort(byte[] src, int from, byte[] dst, int to, int length) {
        switch (length) {
            case 8: dst[to + 7] = src[from + 7]; // fall through
            case 7: dst[to + 6] = src[from + 6]; // fall through
            case 6: dst[to + 5] = src[from + 5]; // fall through
            case 5: dst[to + 4] = src[from + 4]; // fall through
            case 4: dst[to + 3] = src[from + 3]; // fall through
            case 3: dst[to + 2] = src[from + 2]; // fall through
            case 2: dst[to + 1] = src[from + 1]; // fall through
            case 1: dst[to] = src[from]; // fall through
            case 0: break;
            default:
                for (int i = 0; i < length; i++) {
                    dst[to + i] = src[from + i];
                }
        }
    }
}
