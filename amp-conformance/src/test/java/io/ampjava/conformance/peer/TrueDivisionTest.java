package io.ampjava.conformance.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrueDivisionTest {
    private static double divide(long numerator, long denominator) {
        return TrueDivision.divide(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    private static void assertSame(double expected, double actual) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> "expected " + expected + ", got " + actual);
    }

    @Test
    void smallOperandsAsPythonDividesThem() {
        assertSame(3.5, divide(7, 2));
        assertSame(0.3333333333333333, divide(1, 3));
        assertSame(-0.25, divide(-1, 4));
        assertSame(-0.0, divide(0, -5)); // Python: 0 / -5 == -0.0
        assertSame(1e16, divide(10_000_000_000_000_000L, 1));
        assertSame(123456789.123, divide(123_456_789_123L, 1000));
    }

    @Test
    void largeOperandsRoundTheExactQuotientOnce() {
        BigInteger tenTo399 = BigInteger.TEN.pow(399);
        assertSame(10.0, TrueDivision.divide(tenTo399.multiply(BigInteger.TEN).add(BigInteger.ONE), tenTo399));
        // 2^1100 / (3 * 2^1050) = 2^50 / 3: the double nearest to 1/3, scaled exactly by 2^50.
        BigInteger numerator = BigInteger.TWO.pow(1100);
        BigInteger denominator = BigInteger.valueOf(3).shiftLeft(1050);
        assertSame(Math.scalb(1.0 / 3, 50), TrueDivision.divide(numerator, denominator));
        assertSame(-Math.scalb(1.0 / 3, 50), TrueDivision.divide(numerator.negate(), denominator));
        // 2^53 + 1 is not a double: rounding it first would give 2^53 / 3 = 3002399751580330.5.
        assertSame(3002399751580331.0, TrueDivision.divide(BigInteger.TWO.pow(53).add(BigInteger.ONE), BigInteger.valueOf(3)));
    }

    @Test
    void zeroAndOverflowFailAsPythonDoes() {
        ArithmeticException zero = assertThrows(ArithmeticException.class, () -> divide(1, 0));
        assertEquals("division by zero", zero.getMessage());
        assertThrows(IllegalStateException.class, () -> TrueDivision.divide(BigInteger.TEN.pow(400), BigInteger.ONE));
    }

    /** Every quotient is the double nearest the exact one: no neighbour is closer. */
    @Test
    void seededQuotientsAreNearest() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int i = 0; i < 3000; i++) {
            BigInteger numerator = new BigInteger(1 + random.nextInt(400), random);
            BigInteger denominator = new BigInteger(1 + random.nextInt(400), random).add(BigInteger.ONE);
            if (random.nextBoolean()) {
                numerator = numerator.negate();
            }
            double quotient;
            try {
                quotient = TrueDivision.divide(numerator, denominator);
            } catch (IllegalStateException overflow) {
                continue;
            }
            BigDecimal error = distance(quotient, numerator, denominator);
            BigInteger n = numerator;
            BigInteger d = denominator;
            for (double neighbour : new double[] {Math.nextUp(quotient), Math.nextDown(quotient)}) {
                if (!Double.isInfinite(neighbour)) {
                    assertTrue(error.compareTo(distance(neighbour, n, d)) <= 0,
                            () -> "seed " + seed + ": " + n + " / " + d + " gave " + quotient + ", but " + neighbour + " is closer");
                }
            }
        }
    }

    /** |q * d - n|, exactly: proportional to the distance from q to n / d. */
    private static BigDecimal distance(double q, BigInteger n, BigInteger d) {
        return new BigDecimal(q).multiply(new BigDecimal(d)).subtract(new BigDecimal(n)).abs();
    }
}
