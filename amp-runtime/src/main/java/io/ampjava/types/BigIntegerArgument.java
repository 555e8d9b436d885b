package io.ampjava.types;

import java.math.BigInteger;

/**
 * AMP {@code Integer} of any size, as a {@link BigInteger}: Python's integers are unbounded, so
 * this is the exact match for a Twisted peer's {@code Integer}.
 *
 * <p>Output is strict decimal; input is read with Python's {@code int()} rules (see
 * {@link IntArgument}). Python 3.11 and later refuse to convert integers of more than 4300 digits
 * to or from text by default; this type has no such limit (the 65535-byte value limit bounds it), so
 * a Twisted peer may refuse a value this side accepts.
 */
public final class BigIntegerArgument implements ArgumentType<BigInteger> {
    public static final BigIntegerArgument INSTANCE = new BigIntegerArgument();

    private BigIntegerArgument() {}

    @Override
    public byte[] toWire(BigInteger value, ArgumentContext context) {
        return IntegerText.encode(value);
    }

    /** @throws BadArgumentException if the text is not an integer */
    @Override
    public BigInteger fromWire(byte[] wire, ArgumentContext context) {
        return IntegerText.decodeBig(wire);
    }
}
