package io.ampjava.types;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * AMP {@code Decimal} ↔ {@link BigDecimal}. The wire text is Python's {@code str(Decimal)}, which
 * {@link BigDecimal#toString()} already is for every finite value: {@code 1.10}, {@code 1E+2},
 * {@code 1E-7}, {@code 0.00003141}, {@code 0E+6}.
 *
 * <p>A BigDecimal has no negative zero, infinity or NaN. On decoding, {@code -0} (or {@code -0.00})
 * becomes a zero of the same scale, and {@code Infinity}, {@code NaN} and {@code sNaN} are rejected
 * with a {@link BadArgumentException}: declare the argument as {@link AmpDecimalArgument}
 * ({@link AmpDecimal}) to receive them.
 */
public final class DecimalArgument implements ArgumentType<BigDecimal> {
    /** The one instance. */
    public static final DecimalArgument INSTANCE = new DecimalArgument();

    private DecimalArgument() {}

    @Override
    public byte[] toWire(BigDecimal value, ArgumentContext context) {
        return value.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public BigDecimal fromWire(byte[] wire, ArgumentContext context) {
        AmpDecimal decimal = AmpDecimalArgument.decode(wire);
        if (!decimal.isFinite()) {
            throw new BadArgumentException("Decimal " + decimal + " has no java.math.BigDecimal value;"
                    + " declare the argument as AmpDecimal to receive infinities and NaNs");
        }
        return decimal.toBigDecimal();
    }
}
