package io.ampjava.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class PythonFloatFormatTest {
    private static final long SEED = 0x5eed_f10a7L;
    private static final int SAMPLE = 120_000;

    @Test
    void specVectors() {
        String[][] vectors = {
            {"1.0", "1.0"}, {"100.0", "100.0"}, {"0.1", "0.1"}, {"1.234", "1.234"}, {"0.0001", "0.0001"},
            {"1e15", "1000000000000000.0"}, {"123456789.123", "123456789.123"}, {"1e16", "1e+16"},
            {"1.5e16", "1.5e+16"}, {"1e-5", "1e-05"}, {"2.5e-7", "2.5e-07"}, {"1e100", "1e+100"},
            {"1.2345678901234568e17", "1.2345678901234568e+17"}, {"4.9e-324", "5e-324"}, {"1e-310", "1e-310"},
            {"1.7976931348623157e308", "1.7976931348623157e+308"}, {"-0.0", "-0.0"}, {"0.0", "0.0"},
            {"Infinity", "inf"}, {"-Infinity", "-inf"}, {"NaN", "nan"}, {"-1.5", "-1.5"},
            {"0.3", "0.3"}, {"1e22", "1e+22"}, {"1e23", "1e+23"}, {"9007199254740993", "9007199254740992.0"},
            {"562949953421312.25", "562949953421312.2"},
            {"2.2250738585072014e-308", "2.2250738585072014e-308"}, {"1e-323", "1e-323"},
            {"123456789012345680", "1.2345678901234568e+17"}, {"0.000123", "0.000123"}, {"12.5e-5", "0.000125"},
            {"9.5e-5", "9.5e-05"}, {"1234567890123456.7", "1234567890123456.8"}, {"-1e-7", "-1e-07"},
        };
        for (String[] vector : vectors) {
            double value = Double.parseDouble(vector[0]);
            assertEquals(vector[1], PythonFloatFormat.format(value), vector[0]);
        }
        assertEquals("nan", PythonFloatFormat.format(Double.longBitsToDouble(0xfff8_0000_0000_0001L)));
    }

    @Test
    void floorLogarithmsAreExactOverTheWholeExponentRange() {
        for (int q = -1100; q <= 1100; q++) {
            // 10^k <= 2^q < 10^(k+1), and 10^k <= 3·2^(q-2) < 10^(k+1), checked with integers.
            assertBracket(q, BigInteger.ONE, PythonFloatDigits.floorLog10Pow2(q), 0);
            assertBracket(q, BigInteger.valueOf(3), PythonFloatDigits.floorLog10ThreeQuartersPow2(q), -2);
        }
    }

    /** Checks 10^k <= factor·2^(q+extra) < 10^(k+1). */
    private static void assertBracket(int q, BigInteger factor, int k, int extra) {
        BigInteger left = factor;
        BigInteger right = BigInteger.ONE;
        int twos = q + extra;
        if (twos >= 0) {
            left = left.shiftLeft(twos);
        } else {
            right = right.shiftLeft(-twos);
        }
        // compare left/right with 10^k: left·10^-k vs right
        BigInteger lower = k >= 0 ? right.multiply(BigInteger.TEN.pow(k)) : right;
        BigInteger scaledLeft = k >= 0 ? left : left.multiply(BigInteger.TEN.pow(-k));
        assertTrue(lower.compareTo(scaledLeft) <= 0, "10^k too big at q=" + q + " k=" + k);
        BigInteger upper = k + 1 >= 0 ? right.multiply(BigInteger.TEN.pow(k + 1)) : right;
        BigInteger scaledLeftUp = k + 1 >= 0 ? left : left.multiply(BigInteger.TEN.pow(-(k + 1)));
        assertTrue(scaledLeftUp.compareTo(upper) < 0, "10^(k+1) too small at q=" + q + " k=" + k);
    }

    @Test
    void fastScalingAgreesWithExactArithmeticForEveryExponent() {
        Random random = new Random(SEED);
        for (int q = -1074; q <= 971; q++) {
            for (int asymmetric = 0; asymmetric < 2; asymmetric++) {
                int k = asymmetric == 0
                        ? PythonFloatDigits.floorLog10Pow2(q)
                        : PythonFloatDigits.floorLog10ThreeQuartersPow2(q);
                for (int i = 0; i < 12; i++) {
                    long c = i < 3 ? (1L << 52) + i - 1 : (1L << 52) | (random.nextLong() & ((1L << 52) - 1));
                    if (i == 3) {
                        c = (1L << 53) - 1;
                    }
                    long cbx = (c << 2) + (i % 3) - 1 - (i % 2);
                    long fast = PythonFloatDigits.scaled(cbx, q, k);
                    long exact = PythonFloatDigits.scaledExact(cbx, q, k);
                    if (fast != exact) {
                        fail("seed " + SEED + ": scaled(" + cbx + ", " + q + ", " + k + ") = " + fast + ", exact " + exact);
                    }
                }
            }
        }
    }

    @Test
    void largeExactDecimalsWhoseScaledValueIsAnInteger() {
        // Scaled by 10^-k, all but 2^56 are integers, which the 126-bit approximation cannot tell
        // from numbers just below: they go through the exact fallback. 2^56 has the narrower
        // interval below a power of two.
        String[][] vectors = {
            {"1e22", "1e+22"}, {"1e21", "1e+21"}, {"4e20", "4e+20"}, {"1.25e17", "1.25e+17"}, {"3.0e18", "3e+18"},
            {"7.2057594037927936e16", "7.205759403792794e+16"}, {"1e17", "1e+17"}, {"123456789e10", "1.23456789e+18"},
        };
        for (String[] vector : vectors) {
            assertEquals(vector[1], PythonFloatFormat.format(Double.parseDouble(vector[0])), vector[0]);
        }
    }

    @Test
    void randomDoublesAreShortestClosestAndRoundTrip() {
        double[] values = RandomDoubles.generate(SEED, SAMPLE);
        for (double value : values) {
            String repr = PythonFloatFormat.format(value);
            try {
                checkShortestAndClosest(value, repr);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + SEED + ", value bits 0x"
                        + Long.toHexString(Double.doubleToRawLongBits(value)) + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Checks with exact integer arithmetic that {@code repr} lies in {@code value}'s rounding
     * interval (the midpoints to its neighbours, ends included when its significand is even), that
     * no decimal with fewer significant digits does, and that no other decimal with as many digits
     * in the interval is closer. It suffices to test the nearest grid points: the interval is convex
     * and contains the exact value, so any better candidate puts one of them inside too.
     */
    private static void checkShortestAndClosest(double value, String repr) {
        double x = Math.abs(value);
        assertEquals(value < 0, repr.startsWith("-"), () -> repr);
        assertEquals(Double.doubleToRawLongBits(value), Double.doubleToRawLongBits(Double.parseDouble(repr)), () -> repr);
        BigDecimal decimal = new BigDecimal(repr.startsWith("-") ? repr.substring(1) : repr).stripTrailingZeros();
        long digits = decimal.unscaledValue().longValueExact();
        int length = Long.toString(digits).length();
        // Every candidate is an integer number of units of 10^(exponent - 1).
        int unitExponent = -decimal.scale() - 1;
        Dyadic exact = Dyadic.of(x);
        Dyadic above = Double.isInfinite(Math.nextUp(x)) ? exact.plusUlp() : Dyadic.of(Math.nextUp(x));
        Scaled low = exact.midpoint(Dyadic.of(Math.nextDown(x))).in(unitExponent);
        Scaled high = exact.midpoint(above).in(unitExponent);
        Scaled twice = exact.twice().in(unitExponent);
        boolean closed = (Double.doubleToRawLongBits(x) & 1) == 0;

        long d = digits * 10;
        assertTrue(inside(d, low, high, closed), () -> repr + " does not read back as " + x);
        if (length > 1) {
            long shorter = digits / 10 * 100;
            assertTrue(!inside(shorter, low, high, closed) && !inside(shorter + 100, low, high, closed),
                    () -> repr + " is not the shortest for " + new BigDecimal(x));
        }
        long lower = digits == pow10(length - 1) ? pow10(length) - 1 : d - 10;
        for (long neighbour : new long[] {lower, d + 10}) {
            if (inside(neighbour, low, high, closed)) {
                // |d - x| < |n - x|  <=>  d + n and 2x lie the way d and n do (n != d).
                int side = twice.compareTo(d + neighbour);
                boolean closer = side == 0 ? digits % 2 == 0 : (neighbour > d) == (side < 0);
                assertTrue(closer, () -> repr + " is not the closest to " + new BigDecimal(x) + ": "
                        + neighbour + "e" + unitExponent + " is");
            }
        }
    }

    private static boolean inside(long n, Scaled low, Scaled high, boolean closed) {
        int lo = -low.compareTo(n);
        int hi = -high.compareTo(n);
        return closed ? lo >= 0 && hi <= 0 : lo > 0 && hi < 0;
    }

    private static long pow10(int n) {
        long result = 1;
        for (int i = 0; i < n; i++) {
            result *= 10;
        }
        return result;
    }

    /** A rational given by its floor and whether it is an integer. */
    private static final class Scaled {
        private final long floor;
        private final boolean exact;

        Scaled(long floor, boolean exact) {
            this.floor = floor;
            this.exact = exact;
        }

        /** The sign of this minus {@code n}. */
        int compareTo(long n) {
            if (floor != n) {
                return floor < n ? -1 : 1;
            }
            return exact ? 0 : 1;
        }
    }

    /** An exact binary fraction {@code m·2^e}. */
    private static final class Dyadic {
        private static final BigInteger[] POWERS_OF_TEN = new BigInteger[800];
        private final BigInteger m;
        private final int e;

        Dyadic(BigInteger m, int e) {
            this.m = m;
            this.e = e;
        }

        static Dyadic of(double x) {
            long bits = Double.doubleToRawLongBits(x);
            int biased = (int) (bits >>> 52) & 0x7ff;
            long fraction = bits & ((1L << 52) - 1);
            return biased == 0
                    ? new Dyadic(BigInteger.valueOf(fraction), -1074)
                    : new Dyadic(BigInteger.valueOf(fraction | (1L << 52)), biased - 1075);
        }

        Dyadic plusUlp() {
            return new Dyadic(m.add(BigInteger.ONE), e);
        }

        Dyadic twice() {
            return new Dyadic(m, e + 1);
        }

        Dyadic midpoint(Dyadic other) {
            int low = Math.min(e, other.e);
            BigInteger sum = m.shiftLeft(e - low).add(other.m.shiftLeft(other.e - low));
            return new Dyadic(sum, low - 1);
        }

        /** This value in units of 10^unitExponent. */
        Scaled in(int unitExponent) {
            BigInteger numerator = m;
            BigInteger denominator = BigInteger.ONE;
            if (e >= 0) {
                numerator = numerator.shiftLeft(e);
            } else {
                denominator = denominator.shiftLeft(-e);
            }
            if (unitExponent >= 0) {
                denominator = denominator.multiply(powerOfTen(unitExponent));
            } else {
                numerator = numerator.multiply(powerOfTen(-unitExponent));
            }
            BigInteger[] qr = numerator.divideAndRemainder(denominator);
            return new Scaled(qr[0].longValueExact(), qr[1].signum() == 0);
        }

        private static BigInteger powerOfTen(int n) {
            BigInteger power = POWERS_OF_TEN[n];
            if (power == null) {
                power = BigInteger.TEN.pow(n);
                POWERS_OF_TEN[n] = power;
            }
            return power;
        }
    }

    @Test
    void randomDoublesMatchRealPythonRepr() throws Exception {
        double[] values = RandomDoubles.generate(SEED + 1, SAMPLE);
        ByteBuffer bits = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double value : values) {
            bits.putDouble(value);
        }
        List<String> reprs = PythonOracle.run(
                "import struct,sys\n"
                        + "data=open(sys.argv[1],'rb').read()\n"
                        + "sys.stdout.write(''.join(repr(x)+'\\n' for (x,) in struct.iter_unpack('<d',data)))\n",
                bits.array());
        assertEquals(values.length, reprs.size());
        for (int i = 0; i < values.length; i++) {
            String ours = PythonFloatFormat.format(values[i]);
            if (!ours.equals(reprs.get(i))) {
                fail("seed " + (SEED + 1) + ", value bits 0x" + Long.toHexString(Double.doubleToRawLongBits(values[i]))
                        + ": Python says " + reprs.get(i) + ", we say " + ours);
            }
        }
    }
}
