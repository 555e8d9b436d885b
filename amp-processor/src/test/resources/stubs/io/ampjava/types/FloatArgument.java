package io.ampjava.types;

// Test stand-in, used only while the real class is not on the classpath: it lets golden tests compile
// generated code. Its methods are never called.
public final class FloatArgument implements ArgumentType<Double> {
    public static final FloatArgument INSTANCE = new FloatArgument();

    public static byte[] encode(double value) {
        throw new UnsupportedOperationException();
    }

    public static double decode(byte[] wire) {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] toWire(Double value, ArgumentContext context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Double fromWire(byte[] wire, ArgumentContext context) {
        throw new UnsupportedOperationException();
    }
}
