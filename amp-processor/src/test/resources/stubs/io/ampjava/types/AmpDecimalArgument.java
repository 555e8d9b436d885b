package io.ampjava.types;

// Test stand-in, used only while the real class is not on the classpath: it lets golden tests compile
// generated code. Its methods are never called.
public final class AmpDecimalArgument implements ArgumentType<AmpDecimal> {
    public static final AmpDecimalArgument INSTANCE = new AmpDecimalArgument();

    @Override
    public byte[] toWire(AmpDecimal value, ArgumentContext context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AmpDecimal fromWire(byte[] wire, ArgumentContext context) {
        throw new UnsupportedOperationException();
    }
}
