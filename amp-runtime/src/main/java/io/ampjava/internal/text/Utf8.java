package io.ampjava.internal.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding, as Python's {@code bytes.decode('utf-8')}: invalid input (overlong forms,
 * encoded surrogates, code points past U+10FFFF, truncated sequences) is refused, never replaced.
 * Internal to amp-java: command names and {@code Unicode} values share it.
 */
public final class Utf8 {
    private Utf8() {}

    /** Whether every byte is ASCII, so the bytes are their own UTF-8 (and Latin-1) text. */
    public static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes {@code bytes} strictly.
     *
     * @throws CharacterCodingException if they are not valid UTF-8
     */
    public static String decodeStrict(byte[] bytes) throws CharacterCodingException {
        // The JDK's own decoding is fast (intrinsics for ASCII), but replaces what is invalid with
        // U+FFFD instead of refusing it. A result without U+FFFD came from valid UTF-8; one with it
        // may have (the input can hold U+FFFD itself), so the strict decoder looks again.
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return lenient;
        }
        // A new decoder per call: decoders are stateful, and this path is taken only for text with U+FFFD.
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }
}
