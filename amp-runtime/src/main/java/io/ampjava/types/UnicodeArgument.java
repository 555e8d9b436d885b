package io.ampjava.types;

import io.ampjava.internal.text.Utf8;
import io.ampjava.wire.Bytes;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * AMP {@code Unicode}: text as UTF-8 ({@code "☃"} is {@code E2 98 83}). trial's {@code NativeString}
 * is the same type.
 *
 * <p>Both directions are strict, as in Python: a lone surrogate cannot be encoded, and invalid
 * UTF-8 (overlong forms, encoded surrogates, code points past U+10FFFF, truncated sequences) is
 * refused rather than replaced. A byte order mark is ordinary text and is kept.
 */
public final class UnicodeArgument implements ArgumentType<String> {
    /** The one instance. */
    public static final UnicodeArgument INSTANCE = new UnicodeArgument();

    private UnicodeArgument() {}

    /**
     * The UTF-8 bytes of {@code text}.
     *
     * @param text the text
     * @return its UTF-8 bytes
     * @throws IllegalArgumentException if {@code text} has a lone surrogate, which UTF-8 cannot
     *     express (Java would silently write {@code ?})
     */
    public static byte[] encode(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length == text.length() && !AsciiText.containsQuestionMark(utf8)) {
            // One byte a character means ASCII or lone surrogates, which the JDK writes as '?'.
            // Without any '?', ASCII only: no surrogate to look for.
            return utf8;
        }
        for (int i = 0, length = text.length(); i < length; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    throw new IllegalArgumentException(String.format(
                            "lone surrogate U+%04X at index %d cannot be encoded as UTF-8", (int) c, i));
                }
            }
        }
        return utf8;
    }

    /**
     * Decodes UTF-8.
     *
     * @param wire the bytes received
     * @return the text
     * @throws BadArgumentException if {@code wire} is not valid UTF-8
     */
    public static String decode(byte[] wire) {
        try {
            return Utf8.decodeStrict(wire);
        } catch (CharacterCodingException e) {
            throw new BadArgumentException("not valid UTF-8: " + Bytes.repr(wire, 64), e);
        }
    }

    @Override
    public byte[] toWire(String value, ArgumentContext context) {
        return encode(value);
    }

    @Override
    public String fromWire(byte[] wire, ArgumentContext context) {
        return decode(wire);
    }
}
