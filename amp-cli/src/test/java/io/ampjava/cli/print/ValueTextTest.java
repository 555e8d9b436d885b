package io.ampjava.cli.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValueTextTest {
    @Test
    void showsTextAsItIs() {
        assertEquals("hello, world", ValueText.escape(utf8("hello, world")));
        assertEquals("café ☃ 😀", ValueText.escape(utf8("café ☃ 😀")));
    }

    @Test
    void escapesWhatWouldBreakTheLine() {
        assertEquals("a\\nb\\tc\\rd", ValueText.escape(utf8("a\nb\tc\rd")));
        assertEquals("\\x00\\x1b\\x7f", ValueText.escape(new byte[] {0, 0x1b, 0x7f}));
        assertEquals("back\\\\slash", ValueText.escape(utf8("back\\slash")));
        assertEquals("\\u0085", ValueText.escape(utf8("\u0085")), "C1 controls too");
    }

    @Test
    void escapesBytesThatAreNotUtf8() {
        assertEquals("\\xff\\xfe", ValueText.escape(new byte[] {(byte) 0xff, (byte) 0xfe}));
        assertEquals("\\xc0\\x80", ValueText.escape(new byte[] {(byte) 0xc0, (byte) 0x80}), "overlong");
        assertEquals("\\xed\\xa0\\x80", ValueText.escape(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}),
                "surrogate");
        assertEquals("a\\xe2\\x98", ValueText.escape(new byte[] {'a', (byte) 0xe2, (byte) 0x98}), "truncated");
    }

    @Test
    void cutsLongValuesSayingHowLongTheyAre() {
        assertEquals("aaaaa... (12 bytes)", ValueText.escape(utf8("aaaaaaaaaaaa"), 5));
        assertEquals("aaaaa", ValueText.escape(utf8("aaaaa"), 5));
    }

    @Test
    void agreesWithTheJdkOnWhatIsUtf8() {
        Random random = new Random(20261205);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(6)];
            random.nextBytes(bytes);
            boolean strict;
            try {
                StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
                strict = true;
            } catch (java.nio.charset.CharacterCodingException e) {
                strict = false;
            }
            assertEquals(strict, ValueText.isUtf8(bytes), () -> java.util.Arrays.toString(bytes));
        }
        assertTrue(ValueText.isUtf8(new byte[0]));
        assertFalse(ValueText.isUtf8(new byte[] {(byte) 0xf5, (byte) 0x80, (byte) 0x80, (byte) 0x80}));
    }

    @Test
    void theLineBufferShowsValuesAsValueTextDoes() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = new byte[random.nextInt(12)];
            for (int k = 0; k < bytes.length; k++) {
                bytes[k] = (byte) (random.nextBoolean() ? 0x20 + random.nextInt(0x60) : random.nextInt(256));
            }
            int limit = 1 + random.nextInt(10);
            assertEquals(ValueText.escape(bytes, limit), new LineBuffer(4).appendEscaped(bytes, limit).toString());
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
