package io.ampjava.sample.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Levenshtein distances: textbook pairs, and pseudo-random DNA-like strings whose distances were
 * computed with Python from the same {@link Lcg} sequence.
 */
class EditDistanceTest {
    @Test void kittenSitting() { assertEquals(3, distance("kitten", "sitting")); }
    @Test void flawLawn() { assertEquals(2, distance("flaw", "lawn")); }
    @Test void intentionExecution() { assertEquals(5, distance("intention", "execution")); }
    @Test void emptyAndWord() { assertEquals(3, distance("", "abc")); }
    @Test void random0() { checkRandom(0, 1264); }
    @Test void random1() { checkRandom(1, 1317); }
    @Test void random2() { checkRandom(2, 1396); }
    @Test void random3() { checkRandom(3, 1455); }
    @Test void random4() { checkRandom(4, 1510); }
    @Test void random5() { checkRandom(5, 1602); }
    @Test void random6() { checkRandom(6, 1678); }
    @Test void random7() { checkRandom(7, 1748); }

    private static void checkRandom(int i, int expected) {
        Lcg random = new Lcg(1_000 + i);
        int length = 2_400 + 150 * i;
        String a = dna(random, length);
        String b = dna(random, length - 37 * i);
        assertEquals(expected, distance(a, b));
        assertEquals(expected, distance(b, a));
    }

    private static String dna(Lcg random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append("acgt".charAt(random.next() % 4));
        }
        return text.toString();
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
