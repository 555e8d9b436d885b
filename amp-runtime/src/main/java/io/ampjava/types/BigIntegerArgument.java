package io.ampjava.types;

import java.math.BigInteger;

/**
 * AMP {@code Integer} of any size, as a {@link BigInteger}: the exact match for a Twisted peer's
 * {@code Integer}, which is a Python int.
 *
 * <p>Output is strict decimal; input is read with Python's {@code int()} rules (see
 * {@link IntArgument}). Like Python (3.11 and later, by default), both directions refuse integers
 * of more than 4300 digits: a Twisted peer could not read or send them, and reading decimal text
 * costs time quadratic in its length.
 */
public final class BigIntegerArgument implements ArgumentType<BigInteger> {
    /** The one instance. */
    public static final BigIntegerArgument INSTANCE = new BigIntegerArgument();

    private BigIntegerArgument() {}

    /** @throws IllegalArgumentException if {@code value} has more than 4300 digits */
    @Override
    public byte[] toWire(BigInteger value, ArgumentContext context) {
        return IntegerText.encode(value);
    }

    /** @throws BadArgumentException if the text is not an integer, or has more than 4300 digits */
    @Override
    public BigInteger fromWire(byte[] wire, ArgumentContext context) {
        return IntegerText.decodeBig(wire);
    }
}
