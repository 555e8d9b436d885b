package io.ampjava.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TagsTest {
    private static String format(long tag) {
        return new String(Tags.format(tag), StandardCharsets.US_ASCII);
    }

    private static long parse(String tag) {
        return Tags.parse(tag.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void tagsAreLowerCaseHexWithoutPadding() {
        assertEquals("1", format(1));
        assertEquals("9", format(9));
        assertEquals("a", format(10));
        assertEquals("f", format(15));
        assertEquals("10", format(16));
        assertEquals("ff", format(255));
        assertEquals("100", format(256));
    }

    @Test
    void formatWritesWhatLongToHexStringWrites() {
        Random random = new Random(4242);
        for (int i = 0; i < 2000; i++) {
            long tag = i < 70 ? (1L << (i % 63)) + (i / 63) - 1 : random.nextLong() >>> random.nextInt(63);
            assertEquals(Long.toHexString(tag), format(tag), "tag " + tag);
        }
    }

    @Test
    void onlyTheCanonicalSpellingParses() {
        assertEquals(1, parse("1"));
        assertEquals(0x1f, parse("1f"));
        for (String foreign : new String[] {"", "0", "01", "A", "1F", "g", "zz", " 1", "-1", "1234567890abcdef"}) {
            assertEquals(Tags.NOT_OURS, parse(foreign), foreign);
        }
    }

    @Test
    void formatThenParseIsTheIdentity() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            long tag = 1 + (random.nextLong() >>> 5); // below 2^59: 15 hex digits at most
            assertEquals(tag, parse(format(tag)), "seed " + seed);
        }
    }
}
