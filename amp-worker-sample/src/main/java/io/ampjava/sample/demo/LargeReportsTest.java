package io.ampjava.sample.demo;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/**
 * Reports too big for one AMP value (65535 bytes), which must not break a run: a long printed line
 * (split into several {@code TestWrite}s), a long failure message and a deep traceback (streamed, or
 * cut to fit with the inline dialect). Two of them fail on purpose.
 */
public class LargeReportsTest {
    /** Length in characters of the long texts; several AMP values' worth, in multi-byte UTF-8. */
    public static final int LONG = 150_000;

    @Test
    void printsLongLine() {
        System.out.println(longText('é'));
    }

    @Test
    void failsWithLongMessage() {
        fail("long message: " + longText('€'));
    }

    @Test
    void throwsFromDeepStack() {
        recurse(3_000);
    }

    private static void recurse(int depth) {
        if (depth == 0) {
            throw new IllegalStateException("bottom of a deep stack");
        }
        recurse(depth - 1);
    }

    /** {@code LONG} characters: ASCII with a multi-byte character every 7, so cuts can land inside one. */
    public static String longText(char wide) {
        StringBuilder text = new StringBuilder(LONG);
        for (int i = 0; i < LONG; i++) {
            text.append(i % 7 == 0 ? wide : (char) ('a' + i % 26));
        }
        return text.toString();
    }
}
