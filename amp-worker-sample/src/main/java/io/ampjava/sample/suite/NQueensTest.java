package io.ampjava.sample.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Counting the placements of n non-attacking queens (OEIS A000170), by backtracking over bit masks. */
class NQueensTest {
    @Test void board4() { assertEquals(2, solutions(4)); }
    @Test void board5() { assertEquals(10, solutions(5)); }
    @Test void board6() { assertEquals(4, solutions(6)); }
    @Test void board7() { assertEquals(40, solutions(7)); }
    @Test void board8() { assertEquals(92, solutions(8)); }
    @Test void board9() { assertEquals(352, solutions(9)); }
    @Test void board10() { assertEquals(724, solutions(10)); }
    @Test void board11() { assertEquals(2_680, solutions(11)); }
    @Test void board12() { assertEquals(14_200, solutions(12)); }
    @Test void board13() { assertEquals(73_712, solutions(13)); }

    static long solutions(int n) {
        return place((1 << n) - 1, 0, 0, 0);
    }

    private static long place(int all, int columns, int leftDiagonals, int rightDiagonals) {
        if (columns == all) {
            return 1;
        }
        long count = 0;
        int free = all & ~(columns | leftDiagonals | rightDiagonals);
        while (free != 0) {
            int bit = free & -free;
            free -= bit;
            count += place(all, columns | bit, (leftDiagonals | bit) << 1, (rightDiagonals | bit) >>> 1);
        }
        return count;
    }
}
