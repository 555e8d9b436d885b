package io.ampjava.types;

/**
 * AMP {@code Integer} as a Java {@code long}: decimal text such as {@code 13} or {@code -1}.
 *
 * <p>Output is strict (digits, {@code -} for negatives), written straight into a byte array of the
 * right size. Input is read as Twisted reads it, with Python's {@code int()}: {@code " 13 "},
 * {@code "+5"} and {@code "1_000"} are accepted, {@code ""}, {@code "1.0"} and {@code "0x10"} are
 * not, and a value outside the long range is refused (use {@link BigIntegerArgument} for those).
 * Generated code calls the static methods, which do not box.
 */
public final class LongArgument implements ArgumentType<Long> {
    /** The one instance. */
    public static final LongArgument INSTANCE = new LongArgument();

    private LongArgument() {}

    /**
     * The wire text of {@code value}.
     *
     * @param value the value
     * @return its wire bytes
     */
    public static byte[] encode(long value) {
        return IntegerText.encode(value);
    }

    /**
     * Reads a long.
     *
     * @param wire the bytes received
     * @return the long
     * @throws BadArgumentException if the text is not an integer or does not fit a long
     */
    public static long decode(byte[] wire) {
        return IntegerText.decode(wire, Long.MIN_VALUE, Long.MAX_VALUE, "long");
    }

    @Override
    public byte[] toWire(Long value, ArgumentContext context) {
        return encode(value);
    }

    @Override
    public Long fromWire(byte[] wire, ArgumentContext context) {
        return decode(wire);
    }
}
