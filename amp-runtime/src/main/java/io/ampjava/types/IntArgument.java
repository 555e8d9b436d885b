package io.ampjava.types;

/**
 * AMP {@code Integer} as a Java {@code int}: decimal text such as {@code 13} or {@code -1}.
 *
 * <p>Output is strict (digits, {@code -} for negatives). Input is read as Twisted reads it, with
 * Python's {@code int()}: {@code " 13 "}, {@code "+5"} and {@code "1_000"} are accepted, {@code ""},
 * {@code "1.0"} and {@code "0x10"} are not, and a value outside the int range is refused.
 * Generated code calls the static methods, which do not box.
 */
public final class IntArgument implements ArgumentType<Integer> {
    /** The one instance. */
    public static final IntArgument INSTANCE = new IntArgument();

    private IntArgument() {}

    /**
     * The wire text of {@code value}.
     *
     * @param value the value
     * @return its wire bytes
     */
    public static byte[] encode(int value) {
        return IntegerText.encode(value);
    }

    /**
     * Reads an int.
     *
     * @param wire the bytes received
     * @return the int
     * @throws BadArgumentException if the text is not an integer or does not fit an int
     */
    public static int decode(byte[] wire) {
        return (int) IntegerText.decode(wire, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
    }

    @Override
    public byte[] toWire(Integer value, ArgumentContext context) {
        return encode(value);
    }

    @Override
    public Integer fromWire(byte[] wire, ArgumentContext context) {
        return decode(wire);
    }
}
