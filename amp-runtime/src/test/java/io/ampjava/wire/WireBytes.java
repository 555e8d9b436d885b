package io.ampjava.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Byte strings written as in the spec: hex bytes and quoted ASCII text, e.g.
 * {@code "00 01 'Z' 00 01 'z' 00 00"}. Makes byte-vector tests read like the vectors they check.
 */
public final class WireBytes {
    private WireBytes() {}

    public static byte[] of(String notation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < notation.length()) {
            char c = notation.charAt(i);
            if (c == ' ') {
                i++;
            } else if (c == '\'') {
                int end = notation.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated text in " + notation);
                }
                out.writeBytes(notation.substring(i + 1, end).getBytes(StandardCharsets.UTF_8));
                i = end + 1;
            } else {
                out.write(Integer.parseInt(notation.substring(i, i + 2), 16));
                i += 2;
            }
        }
        return out.toByteArray();
    }

    /** Concatenates byte arrays. */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code count} copies of {@code b}. */
    public static byte[] filled(int count, char b) {
        byte[] bytes = new byte[count];
        java.util.Arrays.fill(bytes, (byte) b);
        return bytes;
    }

    public static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(String.format("%02x", b & 0xff));
        }
        return text.toString();
    }
}
