package io.ampjava.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Wire bytes written by hand, as the spec writes them: hex bytes and quoted text, e.g.
 * {@code "00 01 'Z' 00 01 'z' 00 00"}, or a whole box from its keys and values in the order given.
 * Makes byte-vector tests read like the vectors they check. Nothing here knows the runtime's types,
 * so any module's tests can use it.
 */
public final class WireBytes {
    private WireBytes() {}

    /** The bytes of {@code notation}: two-digit hex bytes and {@code 'quoted'} UTF-8 text, spaces ignored. */
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

    /**
     * The wire bytes of a box: each of {@code keysAndValues} (alternately a key and its value, as
     * UTF-8) as a 16-bit length and its bytes, in the order given (no sorting, duplicates kept),
     * then the empty key {@code 00 00} that ends the box.
     */
    public static byte[] box(String... keysAndValues) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String text : keysAndValues) {
            out.writeBytes(field(text.getBytes(StandardCharsets.UTF_8)));
        }
        out.write(0);
        out.write(0);
        return out.toByteArray();
    }

    /** One key or value as the wire carries it: its length in two bytes, big-endian, then the bytes. */
    public static byte[] field(byte[] bytes) {
        byte[] field = new byte[2 + bytes.length];
        field[0] = (byte) (bytes.length >> 8);
        field[1] = (byte) bytes.length;
        System.arraycopy(bytes, 0, field, 2, bytes.length);
        return field;
    }

    /** Concatenates byte arrays. */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** {@code text} in US-ASCII. */
    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Each char of {@code text} as the one byte of the same value (ISO-8859-1): wire text with bytes above 7f. */
    public static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@code count} copies of {@code b}. */
    public static byte[] filled(int count, char b) {
        byte[] bytes = new byte[count];
        Arrays.fill(bytes, (byte) b);
        return bytes;
    }

    /** {@code bytes} as two-digit hex bytes separated by spaces, the notation {@link #of} reads. */
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
