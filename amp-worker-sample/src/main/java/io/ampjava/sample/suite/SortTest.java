package io.ampjava.sample.suite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The JDK's sort and a hand-written bottom-up merge sort agree on pseudo-random arrays, and the
 * result is ordered. Many arrays small enough for a core's cache rather than one huge one, so that
 * two workers sorting at once do not fight over memory bandwidth.
 */
class SortTest {
    private static final int SIZE = 40_000;
    private static final int ARRAYS = 15;

    @Test void seed1() { check(1); }
    @Test void seed2() { check(2); }
    @Test void seed3() { check(3); }
    @Test void seed4() { check(4); }
    @Test void seed5() { check(5); }
    @Test void seed6() { check(6); }
    @Test void seed7() { check(7); }
    @Test void seed8() { check(8); }
    @Test void seed9() { check(9); }
    @Test void seed10() { check(10); }
    @Test void seed11() { check(11); }
    @Test void seed12() { check(12); }
    @Test void fewDistinctValues() { checkWithRange(13, 16); }
    @Test void manyDuplicates() { checkWithRange(14, 1_000); }
    @Test void alreadySorted() {
        long[] values = random(15, Long.MAX_VALUE);
        Arrays.sort(values);
        assertArrayEquals(values, mergeSort(values.clone()));
    }
    @Test void reversed() {
        long[] values = random(16, Long.MAX_VALUE);
        Arrays.sort(values);
        long[] reversed = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            reversed[i] = values[values.length - 1 - i];
        }
        assertArrayEquals(values, mergeSort(reversed));
    }

    private static void check(long seed) {
        checkWithRange(seed, Long.MAX_VALUE);
    }

    private static void checkWithRange(long seed, long range) {
        for (int k = 0; k < ARRAYS; k++) {
            checkOne(seed * 1_000 + k, range);
        }
    }

    private static void checkOne(long seed, long range) {
        long[] values = random(seed, range);
        long[] jdk = values.clone();
        Arrays.sort(jdk);
        long[] merged = mergeSort(values);
        for (int i = 1; i < merged.length; i++) {
            assertTrue(merged[i - 1] <= merged[i], "out of order at " + i);
        }
        assertArrayEquals(jdk, merged);
    }

    private static long[] random(long seed, long range) {
        Lcg random = new Lcg(seed);
        long[] values = new long[SIZE];
        for (int i = 0; i < SIZE; i++) {
            values[i] = Math.floorMod(random.nextLong(), range);
        }
        return values;
    }

    static long[] mergeSort(long[] values) {
        long[] source = values;
        long[] target = new long[values.length];
        for (int width = 1; width < values.length; width *= 2) {
            for (int left = 0; left < values.length; left += 2 * width) {
                int middle = Math.min(left + width, values.length);
                int right = Math.min(left + 2 * width, values.length);
                int i = left;
                int j = middle;
                for (int k = left; k < right; k++) {
                    target[k] = i < middle && (j >= right || source[i] <= source[j]) ? source[i++] : source[j++];
                }
            }
            long[] swap = source;
            source = target;
            target = swap;
        }
        return source;
    }
}
