package io.ampjava.types;

import java.math.BigInteger;

/**
 * The decimal digits Python's {@code repr(float)} prints for a positive finite double: the shortest
 * decimal {@code significand × 10^exponent} that reads back as that double, and of those the one
 * closest to its exact value (ties to an even last digit). The value is {@code significand} (which
 * has no trailing zeros) times ten to the {@code exponent}.
 *
 * <p>How it works. A double {@code x = c·2^q} reads back from every decimal inside its rounding
 * interval (half an ulp each side; a quarter below a power of two; the ends included only when
 * {@code c} is even). Scaled by {@code 10^-k}, with {@code k} chosen so that the interval is between
 * 1 and 10 units wide, the interval holds at most one multiple of ten: if it does, that is the unique
 * shortest candidate; otherwise the integers next to the scaled value are the shortest, and the
 * nearer one that lies inside wins. The three scaled bounds are computed with two extra bits and a
 * sticky bit (round to odd), which is enough to decide every comparison exactly. The scaling is a
 * 64×126-bit product with a precomputed power of ten; when that approximation cannot settle the
 * floor and the sticky bit (only when the exact result is an integer or extremely close to one),
 * the exact product is taken with {@link BigInteger}.
 */
final class PythonFloatDigits {
    private static final int Q_MIN = -1074;
    private static final long C_MIN = 1L << 52;
    private static final long MASK63 = Long.MAX_VALUE;

    /** Powers of ten covered by the table: {@code 10^-k} for k in [K_MIN, K_MAX]. */
    static final int K_MIN = -325;
    static final int K_MAX = 292;

    /** 5^i for i in [0, 27]: every one fits in a signed long. */
    private static final long[] POW5 = new long[28];

    /**
     * For each k, {@code 10^-k ≈ g·2^R[k]} where {@code g = G1·2^63 + G0} is in (2^125, 2^126] and
     * over-estimates {@code 10^-k·2^-R} by less than one unit.
     */
    private static final long[] G1 = new long[K_MAX - K_MIN + 1];
    private static final long[] G0 = new long[K_MAX - K_MIN + 1];
    private static final int[] R = new int[K_MAX - K_MIN + 1];

    static {
        POW5[0] = 1;
        for (int i = 1; i < POW5.length; i++) {
            POW5[i] = POW5[i - 1] * 5;
        }
        BigInteger two126 = BigInteger.ONE.shiftLeft(126);
        for (int k = K_MIN; k <= K_MAX; k++) {
            int e = -k; // the table approximates 10^e
            BigInteger pow = BigInteger.TEN.pow(Math.abs(e));
            // floor(log2(10^e)): exact from bit lengths, 10^|e| being a power of two only for e = 0.
            int log2 = e >= 0 ? pow.bitLength() - 1 : -pow.bitLength();
            int r = log2 - 125;
            BigInteger floor;
            if (e >= 0) {
                floor = r >= 0 ? pow.shiftRight(r) : pow.shiftLeft(-r);
            } else {
                floor = BigInteger.ONE.shiftLeft(-r).divide(pow);
            }
            BigInteger g = floor.add(BigInteger.ONE);
            if (g.bitLength() != 126 || g.compareTo(two126) >= 0) {
                throw new AssertionError("power-of-ten table out of range at k=" + k);
            }
            G1[k - K_MIN] = g.shiftRight(63).longValue();
            G0[k - K_MIN] = g.longValue() & MASK63;
            R[k - K_MIN] = r;
        }
    }

    private final long significand;
    private final int exponent;

    private PythonFloatDigits(long significand, int exponent) {
        this.significand = significand;
        this.exponent = exponent;
    }

    /** The digits, without trailing zeros (at least 1, at most 17 digits). */
    long significand() {
        return significand;
    }

    /** The power of ten the significand is multiplied by. */
    int exponent() {
        return exponent;
    }

    /**
     * The shortest, closest decimal for {@code value}.
     *
     * @throws IllegalArgumentException if {@code value} is not finite and strictly positive
     */
    static PythonFloatDigits of(double value) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("not a positive finite double: " + value);
        }
        long bits = Double.doubleToRawLongBits(value);
        int biased = (int) (bits >>> 52);
        long fraction = bits & (C_MIN - 1);
        long c;
        int q;
        if (biased != 0) {
            c = fraction | C_MIN;
            q = biased - 1075;
        } else {
            c = fraction;
            q = Q_MIN;
        }
        // Integers below 2^53 are exact and have an ulp of at most 1: their own digits are shortest.
        if (q <= 0 && q > -53) {
            long integer = c >> -q;
            if (integer << -q == c) {
                return stripped(integer, 0);
            }
        }
        return shortest(c, q);
    }

    private static PythonFloatDigits shortest(long c, int q) {
        long cb = c << 2;
        int out = (int) c & 1; // an odd significand's interval excludes its ends
        long cbr = cb + 2;
        long cbl;
        int k;
        if (c != C_MIN || q == Q_MIN) {
            cbl = cb - 2;
            k = floorLog10Pow2(q);
        } else {
            cbl = cb - 1; // the next double down is only half as far away
            k = floorLog10ThreeQuartersPow2(q);
        }
        long vbl = scaled(cbl, q, k);
        long vb = scaled(cb, q, k);
        long vbr = scaled(cbr, q, k);

        long s = vb >> 2;
        if (s >= 10) {
            // A multiple of ten in the interval is the unique shortest candidate (s >= 10 makes every
            // other candidate at least one digit longer).
            long sp10 = 10 * (s / 10);
            long tp10 = sp10 + 10;
            boolean sp10In = vbl + out <= sp10 << 2;
            boolean tp10In = (tp10 << 2) + out <= vbr;
            if (sp10In != tp10In) {
                return stripped(sp10In ? sp10 : tp10, k);
            }
        }
        long t = s + 1;
        boolean sIn = vbl + out <= s << 2;
        boolean tIn = (t << 2) + out <= vbr;
        if (sIn != tIn) {
            return stripped(sIn ? s : t, k);
        }
        // Both inside: the nearer to the exact value; on an exact tie the even one.
        long cmp = vb - ((s + t) << 1);
        return stripped(cmp < 0 || (cmp == 0 && (s & 1) == 0) ? s : t, k);
    }

    private static PythonFloatDigits stripped(long digits, int exponent) {
        while (digits % 10 == 0) {
            digits /= 10;
            exponent++;
        }
        return new PythonFloatDigits(digits, exponent);
    }

    /**
     * {@code cbx·2^q·10^-k} rounded to odd: the floor, with its lowest bit set if anything was cut
     * off. The result is below 2^59.
     */
    static long scaled(long cbx, int q, int k) {
        if (k <= 0 && -k < POW5.length) {
            return scaledExactSmall(cbx, q, k);
        }
        int index = k - K_MIN;
        // Line the product up so that the floor is its bits from 127 up (h is in [2, 5]).
        int h = q + R[index] + 127;
        long cp = cbx << h;
        long g1 = G1[index];
        long g0 = G0[index];
        long aLo = cp * g0;
        long aHi = Math.multiplyHigh(cp, g0);
        long bLo = cp * g1;
        long bHi = Math.multiplyHigh(cp, g1);
        // P = cp·g = (B + (A >> 63))·2^63 + (A mod 2^63); the exact product lies in [P - cp, P).
        long a63 = (aHi << 1) | (aLo >>> 63);
        long sLo = bLo + a63;
        long sHi = bHi + (Long.compareUnsigned(sLo, bLo) < 0 ? 1 : 0);
        if (sLo != 0 || (aLo & MASK63) > cp) {
            // P mod 2^127 > cp: the exact product has the same floor and a non-zero remainder.
            return sHi | 1;
        }
        return scaledExact(cbx, q, k);
    }

    /** For 0 <= -k <= 27 the scaling multiplies by 5^-k, which fits a long, and shifts. */
    private static long scaledExactSmall(long cbx, int q, int k) {
        long p5 = POW5[-k];
        int shift = q - k;
        if (shift >= 0) {
            return (cbx * p5) << shift; // k = 0 and q <= 3 here: no overflow
        }
        long lo = cbx * p5;
        long hi = Math.multiplyHigh(cbx, p5);
        int right = -shift;
        long floor;
        boolean sticky;
        if (right < 64) {
            floor = (hi << (64 - right)) | (lo >>> right);
            sticky = (lo << (64 - right)) != 0;
        } else {
            floor = hi >>> (right - 64);
            sticky = lo != 0 || (right > 64 && (hi << (128 - right)) != 0);
        }
        return sticky ? floor | 1 : floor;
    }

    /** The same as {@link #scaled} with exact arithmetic: the slow path and the tests' reference. */
    static long scaledExact(long cbx, int q, int k) {
        BigInteger numerator = BigInteger.valueOf(cbx);
        BigInteger denominator = BigInteger.ONE;
        int twos = q - k;
        if (twos >= 0) {
            numerator = numerator.shiftLeft(twos);
        } else {
            denominator = denominator.shiftLeft(-twos);
        }
        if (k <= 0) {
            numerator = numerator.multiply(BigInteger.valueOf(5).pow(-k));
        } else {
            denominator = denominator.multiply(BigInteger.valueOf(5).pow(k));
        }
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        long floor = qr[0].longValueExact();
        return qr[1].signum() != 0 ? floor | 1 : floor;
    }

    /** floor(q·log10(2)) for |q| <= 1100 (checked exhaustively in the tests). */
    static int floorLog10Pow2(int q) {
        return (int) ((q * 1292913986L) >> 32);
    }

    /** floor(q·log10(2) + log10(3/4)) for |q| <= 1100 (checked exhaustively in the tests). */
    static int floorLog10ThreeQuartersPow2(int q) {
        return (int) ((q * 1292913986L - 536607788L) >> 32);
    }
}
