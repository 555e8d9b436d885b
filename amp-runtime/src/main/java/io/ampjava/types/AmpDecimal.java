package io.ampjava.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A value of Python's {@code decimal.Decimal}, which is wider than {@link BigDecimal}: besides a
 * finite number it may be a signed zero ({@code -0}, {@code -0.00}), {@code Infinity},
 * {@code -Infinity}, or a quiet or signalling NaN with a sign and an optional payload
 * ({@code NaN}, {@code -NaN}, {@code sNaN}, {@code -sNaN}, {@code NaN123}).
 *
 * <p>{@link #toString()} is exactly Python's {@code str(Decimal)}, the text AMP puts on the wire:
 * {@code AmpDecimal.of(new BigDecimal("1.10"))} is {@code 1.10},
 * {@code AmpDecimal.of(new BigDecimal("0.0000001"))} is {@code 1E-7},
 * {@code AmpDecimal.negativeZero()} is {@code -0}.
 *
 * <p>Equality is by representation, like {@link BigDecimal#equals}: {@code 1.0} and {@code 1.00}
 * differ, {@code 0} and {@code -0} differ, and a NaN equals a NaN of the same sign, kind and
 * payload. Exponents are limited to what {@link BigDecimal} holds (its scale is an {@code int});
 * Python allows larger ones.
 */
public final class AmpDecimal {
    private enum Kind { FINITE, INFINITY, NAN, SIGNALING_NAN }

    private static final AmpDecimal POSITIVE_INFINITY = new AmpDecimal(Kind.INFINITY, false, null, null);
    private static final AmpDecimal NEGATIVE_INFINITY = new AmpDecimal(Kind.INFINITY, true, null, null);
    private static final AmpDecimal NAN = new AmpDecimal(Kind.NAN, false, null, BigInteger.ZERO);

    private final Kind kind;
    private final boolean negative;
    /** The finite value; its sign agrees with {@code negative} except for a negative zero. */
    private final BigDecimal value;
    /** A NaN's diagnostic payload (0 for none). */
    private final BigInteger payload;

    private AmpDecimal(Kind kind, boolean negative, BigDecimal value, BigInteger payload) {
        this.kind = kind;
        this.negative = negative;
        this.value = value;
        this.payload = payload;
    }

    /**
     * The finite {@code value} (a zero is positive; see {@link #negate()} for {@code -0}).
     *
     * @param value a finite number
     * @return the decimal
     */
    public static AmpDecimal of(BigDecimal value) {
        return new AmpDecimal(Kind.FINITE, value.signum() < 0, value, null);
    }

    /**
     * {@code -0}.
     *
     * @return negative zero
     */
    public static AmpDecimal negativeZero() {
        return new AmpDecimal(Kind.FINITE, true, BigDecimal.ZERO, null);
    }

    /**
     * {@code Infinity} or {@code -Infinity}.
     *
     * @param negative whether it is {@code -Infinity}
     * @return the infinity
     */
    public static AmpDecimal infinity(boolean negative) {
        return negative ? NEGATIVE_INFINITY : POSITIVE_INFINITY;
    }

    /**
     * {@code NaN}: quiet, positive, no payload.
     *
     * @return the NaN
     */
    public static AmpDecimal nan() {
        return NAN;
    }

    /**
     * Any NaN: {@code [-][s]NaN[payload]}.
     *
     * @param negative the sign bit
     * @param signaling whether it is a signalling NaN ({@code sNaN})
     * @param payload the diagnostic digits, 0 for none
     * @return the NaN
     * @throws IllegalArgumentException if {@code payload} is negative
     */
    public static AmpDecimal nan(boolean negative, boolean signaling, BigInteger payload) {
        if (payload.signum() < 0) {
            throw new IllegalArgumentException("a NaN payload cannot be negative: " + payload);
        }
        return new AmpDecimal(signaling ? Kind.SIGNALING_NAN : Kind.NAN, negative, null, payload);
    }

    /**
     * Reads the text the way Python's {@code Decimal(str)} does: surrounding whitespace, an optional
     * sign, then a number with an optional exponent ({@code 1.10}, {@code .5}, {@code 1.},
     * {@code 3.141E+5}), {@code Inf}/{@code Infinity}, or {@code NaN}/{@code sNaN} with optional
     * payload digits, case-insensitively; underscores are ignored, as CPython 3.11 does.
     *
     * @param text the text
     * @return the decimal
     * @throws NumberFormatException if Python would raise {@code InvalidOperation}, or the exponent
     *     does not fit a {@link BigDecimal}
     */
    public static AmpDecimal parse(CharSequence text) {
        return AmpDecimalParser.parse(text);
    }

    /**
     * This value with the opposite sign; {@code 0.00} becomes {@code -0.00}.
     *
     * @return the negated value
     */
    public AmpDecimal negate() {
        switch (kind) {
            case FINITE:
                return new AmpDecimal(Kind.FINITE, !negative, value.negate(), null);
            case INFINITY:
                return infinity(!negative);
            default:
                return new AmpDecimal(kind, !negative, null, payload);
        }
    }

    /** {@return whether this is a number: neither infinite nor NaN} */
    public boolean isFinite() {
        return kind == Kind.FINITE;
    }

    /** {@return whether this is {@code Infinity} or {@code -Infinity}} */
    public boolean isInfinite() {
        return kind == Kind.INFINITY;
    }

    /** {@return whether this is a NaN, quiet or signalling} */
    public boolean isNaN() {
        return kind == Kind.NAN || kind == Kind.SIGNALING_NAN;
    }

    /** {@return whether this is a signalling NaN ({@code sNaN})} */
    public boolean isSignalingNaN() {
        return kind == Kind.SIGNALING_NAN;
    }

    /**
     * The sign bit: true for {@code -1}, {@code -0}, {@code -Infinity}, {@code -NaN}.
     *
     * @return whether the sign bit is set
     */
    public boolean isNegative() {
        return negative;
    }

    /**
     * The finite value as a BigDecimal; a negative zero gives a zero of the same scale.
     *
     * @return the number
     * @throws ArithmeticException if this is infinite or NaN
     */
    public BigDecimal toBigDecimal() {
        if (kind != Kind.FINITE) {
            throw new ArithmeticException(this + " has no BigDecimal value");
        }
        return value;
    }

    /**
     * A NaN's payload, 0 when it has none.
     *
     * @return the payload
     * @throws ArithmeticException if this is not a NaN
     */
    public BigInteger nanPayload() {
        if (!isNaN()) {
            throw new ArithmeticException(this + " is not a NaN");
        }
        return payload;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof AmpDecimal)) {
            return false;
        }
        AmpDecimal that = (AmpDecimal) other;
        return kind == that.kind
                && negative == that.negative
                && Objects.equals(value, that.value)
                && Objects.equals(payload, that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, negative, value, payload);
    }

    /** Python's {@code str(Decimal)}: the AMP wire text. */
    @Override
    public String toString() {
        String sign = negative ? "-" : "";
        switch (kind) {
            case FINITE:
                // BigDecimal.toString is the same to-scientific-string, but a zero has no sign.
                return negative && value.signum() == 0 ? "-" + value : value.toString();
            case INFINITY:
                return sign + "Infinity";
            case NAN:
                return sign + "NaN" + (payload.signum() == 0 ? "" : payload.toString());
            default:
                return sign + "sNaN" + (payload.signum() == 0 ? "" : payload.toString());
        }
    }
}
