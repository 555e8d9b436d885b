package io.ampjava.sample.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Counting primes with a sieve, and by trial division in windows far out. */
class PrimeCountTest {
    private static final int SEGMENT = 32 * 1024;

    @Test void below1Million() { assertEquals(78_498, countBelow(1_000_000)); }
    @Test void below2Million() { assertEquals(148_933, countBelow(2_000_000)); }
    @Test void below3Million() { assertEquals(216_816, countBelow(3_000_000)); }
    @Test void below4Million() { assertEquals(283_146, countBelow(4_000_000)); }
    @Test void below5Million() { assertEquals(348_513, countBelow(5_000_000)); }
    @Test void below6Million() { assertEquals(412_849, countBelow(6_000_000)); }
    @Test void below7Million() { assertEquals(476_648, countBelow(7_000_000)); }
    @Test void below8Million() { assertEquals(539_777, countBelow(8_000_000)); }
    @Test void below9Million() { assertEquals(602_489, countBelow(9_000_000)); }
    @Test void below10Million() { assertEquals(664_579, countBelow(10_000_000)); }
    @Test void windowAfter10To10() { assertEquals(406, countByTrialDivision(10_000_000_000L, 10_000)); }
    @Test void windowAfter10To11() { assertEquals(318, countByTrialDivision(100_000_000_000L, 8_000)); }
    @Test void windowAfter10To12() { assertEquals(178, countByTrialDivision(1_000_000_000_000L, 5_000)); }

    /**
     * Primes below {@code n} by a segmented sieve: the sieve moves through a window that fits in a
     * core's cache, so two workers sieving at once do not fight over memory bandwidth.
     */
    static int countBelow(int n) {
        int root = (int) Math.sqrt(n) + 1;
        boolean[] composite = new boolean[root + 1];
        int[] primes = new int[root];
        int primeCount = 0;
        int count = 0;
        for (int i = 2; i <= root; i++) {
            if (!composite[i]) {
                primes[primeCount++] = i;
                if (i < n) {
                    count++;
                }
                for (int j = i * i; j <= root; j += i) {
                    composite[j] = true;
                }
            }
        }
        boolean[] segment = new boolean[SEGMENT];
        for (int low = root + 1; low < n; low += SEGMENT) {
            int high = Math.min(low + SEGMENT, n);
            java.util.Arrays.fill(segment, false);
            for (int k = 0; k < primeCount; k++) {
                int p = primes[k];
                long first = Math.max((long) p * p, (low + (long) p - 1) / p * p);
                for (long j = first; j < high; j += p) {
                    segment[(int) (j - low)] = true;
                }
            }
            for (int i = 0; i < high - low; i++) {
                if (!segment[i]) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Primes in [from, from + length), each tested by division by every odd number up to its root. */
    static int countByTrialDivision(long from, int length) {
        int count = 0;
        for (long x = from; x < from + length; x++) {
            if (isPrime(x)) {
                count++;
            }
        }
        return count;
    }

    private static boolean isPrime(long x) {
        if (x < 2 || x % 2 == 0) {
            return x == 2;
        }
        for (long d = 3; d * d <= x; d += 2) {
            if (x % d == 0) {
                return false;
            }
        }
        return true;
    }
}
