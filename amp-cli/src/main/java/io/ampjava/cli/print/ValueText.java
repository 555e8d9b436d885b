package io.ampjava.cli.print;

/**
 * Bytes from the wire as one line of text: UTF-8 where they are UTF-8, with {@code \\}, control
 * characters and bytes that are not UTF-8 escaped ({@code \n}, {@code \t}, {@code \x00},
 * {@code \xff}, {@code \u0085}), so that every value fits on its line and a reader can tell
 * {@code \xff} the byte from {@code \\xff} the text.
 */
public final class ValueText {
    /** Text mode's default limit on a shown value, in characters; {@code --full} lifts it. */
    public static final int DEFAULT_LIMIT = 200;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ValueText() {}

    /** All of {@code bytes}, escaped. */
    public static String escape(byte[] bytes) {
        return escape(bytes, Integer.MAX_VALUE);
    }

    /**
     * {@code bytes} escaped, cut after about {@code limit} characters with {@code ... (N bytes)}
     * appended when they do not fit.
     */
    public static String escape(byte[] bytes, int limit) {
        StringBuilder text = new StringBuilder(Math.min(bytes.length, limit) + 8);
        appendEscaped(text, bytes, limit);
        return text.toString();
    }

    /** Appends {@link #escape(byte[], int)} to {@code text}. */
    public static void appendEscaped(StringBuilder text, byte[] bytes, int limit) {
        int start = text.length();
        int i = 0;
        while (i < bytes.length) {
            if (text.length() - start >= limit) {
                text.append("... (").append(bytes.length).append(" bytes)");
                return;
            }
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                appendAscii(text, b);
                i++;
                continue;
            }
            int length = sequenceLength(bytes, i);
            if (length < 0) {
                text.append("\\x").append(HEX[b >> 4]).append(HEX[b & 0xf]);
                i++;
                continue;
            }
            int codePoint = decode(bytes, i, length);
            if (codePoint < 0xa0) { // C1 controls
                text.append("\\u00").append(HEX[codePoint >> 4]).append(HEX[codePoint & 0xf]);
            } else {
                text.appendCodePoint(codePoint);
            }
            i += length;
        }
    }

    private static void appendAscii(StringBuilder text, int b) {
        switch (b) {
            case '\n':
                text.append("\\n");
                break;
            case '\r':
                text.append("\\r");
                break;
            case '\t':
                text.append("\\t");
                break;
            case '\\':
                text.append("\\\\");
                break;
            default:
                if (b < 0x20 || b == 0x7f) {
                    text.append("\\x").append(HEX[b >> 4]).append(HEX[b & 0xf]);
                } else {
                    text.append((char) b);
                }
        }
    }

    /** Whether {@code bytes} are well-formed UTF-8 (no overlong forms, no surrogates). */
    public static boolean isUtf8(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            if (bytes[i] >= 0) {
                i++;
                continue;
            }
            int length = sequenceLength(bytes, i);
            if (length < 0) {
                return false;
            }
            i += length;
        }
        return true;
    }

    /**
     * The length of the well-formed UTF-8 sequence of two to four bytes starting at {@code i}
     * (whose first byte is not ASCII), or -1 when there is none (RFC 3629's table).
     */
    private static int sequenceLength(byte[] bytes, int i) {
        int b = bytes[i] & 0xff;
        int length;
        int low = 0x80;
        int high = 0xbf;
        if (b >= 0xc2 && b <= 0xdf) {
            length = 2;
        } else if (b >= 0xe0 && b <= 0xef) {
            length = 3;
            if (b == 0xe0) {
                low = 0xa0; // overlong
            } else if (b == 0xed) {
                high = 0x9f; // surrogates
            }
        } else if (b >= 0xf0 && b <= 0xf4) {
            length = 4;
            if (b == 0xf0) {
                low = 0x90; // overlong
            } else if (b == 0xf4) {
                high = 0x8f; // beyond U+10FFFF
            }
        } else {
            return -1;
        }
        if (i + length > bytes.length) {
            return -1;
        }
        int second = bytes[i + 1] & 0xff;
        if (second < low || second > high) {
            return -1;
        }
        for (int k = 2; k < length; k++) {
            int next = bytes[i + k] & 0xff;
            if (next < 0x80 || next > 0xbf) {
                return -1;
            }
        }
        return length;
    }

    private static int decode(byte[] bytes, int i, int length) {
        int codePoint = bytes[i] & (0xff >> (length + 1));
        for (int k = 1; k < length; k++) {
            codePoint = (codePoint << 6) | (bytes[i + k] & 0x3f);
        }
        return codePoint;
    }
}
