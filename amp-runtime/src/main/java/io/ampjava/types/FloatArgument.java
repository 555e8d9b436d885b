package io.ampjava.types;

/**
 * AMP {@code Float} ↔ {@link Double}. The wire text is Python 3's {@code repr(float)}: the shortest
 * digits that read back as the same double, e.g. {@code 1.0}, {@code 123456789.123}, {@code 1e+16},
 * {@code 1e-05}, {@code 5e-324}, {@code -0.0}, {@code inf}, {@code nan}. ({@link Double#toString}
 * differs: {@code 1.0E16}, {@code 1.23456789123E8}, and on JDK 17 {@code 4.9E-324}.)
 *
 * <p>Decoding accepts what Python's {@code float()} accepts, as Twisted does: surrounding whitespace,
 * {@code Infinity}/{@code inf}/{@code nan} in any case with an optional sign, {@code 1e5}, {@code .5},
 * {@code 1_0.5}. Every NaN decodes to {@link Double#NaN} and encodes as {@code nan}.
 */
public final class FloatArgument implements ArgumentType<Double> {
    /** The one instance. */
    public static final FloatArgument INSTANCE = new FloatArgument();

    private FloatArgument() {}

    /**
     * The wire bytes of {@code value}.
     *
     * @param value the value
     * @return its wire bytes
     */
    public static byte[] encode(double value) {
        return PythonFloatFormat.encode(value);
    }

    /**
     * The double the wire bytes spell.
     *
     * @param wire the bytes received
     * @return the double
     * @throws BadArgumentException if Python's {@code float()} would reject them
     */
    public static double decode(byte[] wire) {
        return PythonFloatParser.parse(wire);
    }

    @Override
    public byte[] toWire(Double value, ArgumentContext context) {
        return encode(value);
    }

    @Override
    public Double fromWire(byte[] wire, ArgumentContext context) {
        return decode(wire);
    }
}
