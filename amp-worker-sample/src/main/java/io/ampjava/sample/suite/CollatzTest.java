package io.ampjava.sample.suite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/**
 * The start below n with the longest Collatz sequence, and that sequence's length in terms (the
 * final 1 included), computed without a cache, one start at a time.
 */
class CollatzTest {
    @Test void below10() { assertArrayEquals(new long[] {9, 20}, longestBelow(10)); }
    @Test void below100() { assertArrayEquals(new long[] {97, 119}, longestBelow(100)); }
    @Test void below1000() { assertArrayEquals(new long[] {871, 179}, longestBelow(1_000)); }
    @Test void below10k() { assertArrayEquals(new long[] {6_171, 262}, longestBelow(10_000)); }
    @Test void below100k() { assertArrayEquals(new long[] {77_031, 351}, longestBelow(100_000)); }
    @Test void below1Million() { assertArrayEquals(new long[] {837_799, 525}, longestBelow(1_000_000)); }

    /** {start, length} of the longest sequence starting below {@code n}; the smallest start on ties. */
    static long[] longestBelow(long n) {
        long bestStart = 1;
        long bestLength = 1;
        for (long start = 1; start < n; start++) {
            long length = 1;
            for (long x = start; x != 1; length++) {
                x = (x & 1) == 0 ? x >>> 1 : 3 * x + 1;
            }
            if (length > bestLength) {
                bestStart = start;
                bestLength = length;
            }
        }
        return new long[] {bestStart, bestLength};
    }
}
