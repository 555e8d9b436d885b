package io.ampjava.types;

// Test stand-in, used only while the real class is not on the classpath: it lets golden tests compile
// generated code. Its methods are never called.
public final class BooleanArgument implements ArgumentType<Boolean> {
    public static final BooleanArgument INSTANCE = new BooleanArgument();

    public static byte[] encode(boolean value) {
        throw new UnsupportedOperationException();
    }

    public static boolean decode(byte[] wire) {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] toWire(Boolean value, ArgumentContext context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Boolean fromWire(byte[] wire, ArgumentContext context) {
        throw new UnsupportedOperationException();
    }
}
