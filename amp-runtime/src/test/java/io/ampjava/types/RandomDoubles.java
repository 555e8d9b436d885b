package io.ampjava.types;

import java.util.Random;

/**
 * A seeded mix of doubles that stresses a shortest-digits formatter: random bit patterns (so every
 * exponent, subnormals included), short "nice" decimals, integers, powers of two and ten with their
 * neighbours, and the notation and range boundaries.
 */
final class RandomDoubles {
    private static final double[] BOUNDARIES = {
        Double.MIN_VALUE, 2 * Double.MIN_VALUE, 3 * Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
        1e16, 1e-4, 1e15, 1e17, 1e-5, 9007199254740992.0, 9007199254740993.0, 4503599627370496.0,
        562949953421312.25, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 123456789.123, 1.2345678901234568e+17,
        1e22, 1e23, 5e-324, 1e-310, 1.7976931348623157e308, 2.2250738585072014e-308,
        2.225073858507201e-308, 9.999999999999999e22, 0.0001, 0.00009999999999999999, 1.0, 100.0,
    };

    private RandomDoubles() {}

    /** {@code count} positive and negative finite doubles, all non-zero. */
    static double[] generate(long seed, int count) {
        Random random = new Random(seed);
        double[] values = new double[count];
        int n = 0;
        for (double boundary : BOUNDARIES) {
            for (double near : new double[] {boundary, Math.nextUp(boundary), Math.nextDown(boundary)}) {
                if (n < count && near > 0 && !Double.isInfinite(near)) {
                    values[n++] = near;
                }
            }
        }
        for (int e = -1074; e <= 1023 && n + 3 <= count; e++) {
            double power = Math.scalb(1.0, e);
            values[n++] = power;
            values[n++] = Math.nextUp(power);
            if (Math.nextDown(power) > 0) {
                values[n++] = Math.nextDown(power);
            }
        }
        for (int e = -323; e <= 308 && n + 3 <= count; e++) {
            double power = Double.parseDouble("1e" + e);
            values[n++] = power;
            values[n++] = Math.nextUp(power);
            values[n++] = Math.nextDown(power);
        }
        while (n < count) {
            double value;
            switch (random.nextInt(6)) {
                case 0:
                case 1:
                    value = Double.longBitsToDouble(random.nextLong() & Long.MAX_VALUE);
                    break;
                case 2: // subnormal
                    value = Double.longBitsToDouble(random.nextLong() & ((1L << 52) - 1));
                    break;
                case 3: { // a short decimal anywhere in the range
                    int digits = 1 + random.nextInt(17);
                    long significand = (long) (random.nextDouble() * Math.pow(10, digits));
                    value = Double.parseDouble(significand + "e" + (random.nextInt(640) - 330));
                    break;
                }
                case 4: { // a short decimal near the fixed/scientific switch points
                    int digits = 1 + random.nextInt(17);
                    long significand = (long) (random.nextDouble() * Math.pow(10, digits));
                    value = Double.parseDouble(significand + "e" + (random.nextInt(30) - 22));
                    break;
                }
                default: // an integer, some beyond 2^53
                    value = (double) (random.nextLong() >>> random.nextInt(64));
                    break;
            }
            if (value > 0 && !Double.isInfinite(value) && !Double.isNaN(value)) {
                values[n++] = random.nextBoolean() ? value : -value;
            }
        }
        return values;
    }
}
