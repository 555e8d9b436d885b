package io.ampjava.types;

// Test stand-in, used only while the real class is not on the classpath: it lets golden tests compile
// generated code. Its methods are never called.
public final class DecimalArgument implements ArgumentType<java.math.BigDecimal> {
    public static final DecimalArgument INSTANCE = new DecimalArgument();

    @Override
    public byte[] toWire(java.math.BigDecimal value, ArgumentContext context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public java.math.BigDecimal fromWire(byte[] wire, ArgumentContext context) {
        throw new UnsupportedOperationException();
    }
}
