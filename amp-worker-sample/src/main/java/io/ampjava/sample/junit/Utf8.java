package io.ampjava.sample.junit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cutting text to AMP's 65535-byte values without cutting a character in half: a Twisted peer
 * decodes every Unicode value strictly, and half a character would make it hang up.
 */
public final class Utf8 {
    private Utf8() {}

    /**
     * The largest index {@code <= limit} at which {@code bytes} (valid UTF-8) may be cut: one that is
     * not inside a multi-byte character.
     */
    public static int boundaryAtOrBefore(byte[] bytes, int limit) {
        if (limit >= bytes.length) {
            return bytes.length;
        }
        int cut = limit;
        // Continuation bytes are 10xxxxxx; step back to the lead byte of the character at the cut.
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) {
            cut--;
        }
        return cut;
    }

    /**
     * Splits {@code text} into pieces of at most {@code maxBytes} UTF-8 bytes each, in order; empty
     * text gives one empty piece.
     */
    public static List<String> split(String text, int maxBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return List.of(text);
        }
        List<String> pieces = new ArrayList<>();
        for (byte[] chunk : chunks(bytes, maxBytes)) {
            pieces.add(new String(chunk, StandardCharsets.UTF_8));
        }
        return pieces;
    }

    /**
     * Splits UTF-8 {@code bytes} into chunks of at most {@code maxBytes} bytes, each ending on a
     * character boundary; empty input gives no chunk (as Twisted streams an empty text: no write).
     */
    public static List<byte[]> chunks(byte[] bytes, int maxBytes) {
        if (maxBytes < 4) {
            throw new IllegalArgumentException("a chunk must hold any character: maxBytes >= 4, got " + maxBytes);
        }
        List<byte[]> chunks = new ArrayList<>();
        int start = 0;
        while (start < bytes.length) {
            int end = boundaryAtOrBefore(bytes, start + maxBytes);
            if (end <= start) {
                end = Math.min(bytes.length, start + maxBytes); // not UTF-8 after all: cut anywhere
            }
            chunks.add(java.util.Arrays.copyOfRange(bytes, start, end));
            start = end;
        }
        return chunks;
    }

    /**
     * {@code text} cut to at most {@code maxBytes} UTF-8 bytes, ending with {@code marker} (which
     * must fit) when something was cut.
     */
    public static String truncate(String text, int maxBytes, String marker) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return text;
        }
        byte[] tail = marker.getBytes(StandardCharsets.UTF_8);
        if (tail.length > maxBytes) {
            throw new IllegalArgumentException("marker longer than " + maxBytes + " bytes");
        }
        int cut = boundaryAtOrBefore(bytes, maxBytes - tail.length);
        return new String(bytes, 0, cut, StandardCharsets.UTF_8) + marker;
    }

    /** The length of {@code text} in UTF-8 bytes. */
    public static int length(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                length++; // a lone surrogate: the encoder writes '?'
            } else {
                length += 3;
            }
        }
        return length;
    }
}
