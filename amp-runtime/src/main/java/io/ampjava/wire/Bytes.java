package io.ampjava.wire;

/** Byte-string helpers that mirror Python's behaviour where AMP's wire text depends on it. */
public final class Bytes {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Bytes() {}

    /** Compares as unsigned bytes, lexicographically: the order Python sorts {@code bytes} in. */
    public static int compareUnsigned(byte[] a, byte[] b) {
        return java.util.Arrays.compareUnsigned(a, b);
    }

    /**
     * {@link #repr(byte[])} of at most the first {@code maxBytes} bytes, then {@code ... (N bytes)}
     * if there were more: for quoting untrusted values in error messages.
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
}
