package io.ampjava.types;

import static io.ampjava.testing.WireBytes.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.testing.WireBytes;
import io.ampjava.wire.SeededRuns;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** AMP Unicode (spec §3.2 "Unicode"). */
class UnicodeArgumentTest {
    private static final UnicodeArgument UNICODE = UnicodeArgument.INSTANCE;

    @Test
    void encodesUtf8AsTwistedDoes() {
        assertArrayEquals(WireBytes.of("e2 98 83"), UNICODE.toWire("\u2603", ArgumentContext.NONE));
        assertArrayEquals(WireBytes.of("f0 9f 98 80"), UnicodeArgument.encode("\uD83D\uDE00"));
        assertArrayEquals(ascii("Hello"), UnicodeArgument.encode("Hello"));
        assertArrayEquals(new byte[0], UnicodeArgument.encode(""));
        assertEquals("\u2603", UNICODE.fromWire(WireBytes.of("e2 98 83"), ArgumentContext.NONE));
        assertEquals("\uD83D\uDE00", UnicodeArgument.decode(WireBytes.of("f0 9f 98 80")));
        assertEquals("", UnicodeArgument.decode(new byte[0]));
    }

    @Test
    void byteOrderMarkIsKept() {
        assertArrayEquals(WireBytes.of("ef bb bf 'a'"), UnicodeArgument.encode("\uFEFFa"));
        assertEquals("\uFEFFa", UnicodeArgument.decode(WireBytes.of("ef bb bf 'a'")));
    }

    @Test
    void loneSurrogatesCannotBeEncoded() {
        String[] bad = {"\uD83D", "a\uDE00", "\uDE00\uD83D", "x\uD83Dy", "\uD83D\uD83D\uDE00"};
        for (String text : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UnicodeArgument.encode(text));
            assertTrue(e.getMessage().contains("surrogate"), e.getMessage());
        }
    }

    @Test
    void theReplacementCharacterItselfIsValidTextButNotAMaskForInvalidBytes() {
        // U+FFFD is what lenient decoding puts for invalid bytes; sent as itself, it is ordinary text.
        assertEquals("a\uFFFDb", UnicodeArgument.decode(WireBytes.of("'a' ef bf bd 'b'")));
        assertThrows(BadArgumentException.class, () -> UnicodeArgument.decode(WireBytes.of("ef bf bd ff")));
        assertArrayEquals(WireBytes.of("ef bf bd"), UnicodeArgument.encode("\uFFFD"));
    }

    @Test
    void invalidUtf8IsRefused() {
        // Each was checked to raise UnicodeDecodeError in Python (the bytes Twisted's Unicode refuses).
        String[] bad = {
            "c0 80",           // overlong NUL
            "e0 80 af",        // overlong '/'
            "ed a0 80",        // an encoded surrogate (CESU-8)
            "f4 90 80 80",     // past U+10FFFF
            "e2 98",           // truncated
            "ff", "fe",        // never valid
            "80",              // lone continuation byte
            "f8 88 80 80 80",  // five-byte form
            "'ok' e2 28 a1",   // bad continuation after valid text
        };
        for (String notation : bad) {
            byte[] wire = WireBytes.of(notation);
            BadArgumentException e = assertThrows(BadArgumentException.class, () -> UnicodeArgument.decode(wire), notation);
            assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
        }
    }

    @Test
    void randomTextRoundTripsAndIsStandardUtf8() {
        SeededRuns.repeat(7, 1000, random -> {
            String text = randomText(random, random.nextInt(random.nextInt(10) == 0 ? 3000 : 30));
            byte[] wire = UnicodeArgument.encode(text);
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), wire);
            assertEquals(text, UnicodeArgument.decode(wire));
        });
    }

    /** Valid text: ASCII, other BMP characters, and astral characters as surrogate pairs. */
    static String randomText(Random random, int codePoints) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            int roll = random.nextInt(10);
            int codePoint;
            if (roll < 5) {
                codePoint = random.nextInt(0x80);
            } else if (roll < 8) {
                do {
                    codePoint = 0x80 + random.nextInt(0x10000 - 0x80);
                } while (Character.isSurrogate((char) codePoint));
            } else {
                codePoint = 0x10000 + random.nextInt(0x110000 - 0x10000);
            }
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }
}
