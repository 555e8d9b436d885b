package io.ampjava.types;

// Test stand-in, used only while the real class is not on the classpath: it lets golden tests compile
// generated code. Its methods are never called.
public final class IntArgument implements ArgumentType<Integer> {
    public static final IntArgument INSTANCE = new IntArgument();

    public static byte[] encode(int value) {
        throw new UnsupportedOperationException();
    }

    public static int decode(byte[] wire) {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] toWire(Integer value, ArgumentContext context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Integer fromWire(byte[] wire, ArgumentContext context) {
        throw new UnsupportedOperationException();
    }
}
