package io.ampjava.types;

// Test stand-in, used only while the real class is not on the classpath: it lets golden tests compile
// generated code. Its methods are never called.
public final class LongArgument implements ArgumentType<Long> {
    public static final LongArgument INSTANCE = new LongArgument();

    public static byte[] encode(long value) {
        throw new UnsupportedOperationException();
    }

    public static long decode(byte[] wire) {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] toWire(Long value, ArgumentContext context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Long fromWire(byte[] wire, ArgumentContext context) {
        throw new UnsupportedOperationException();
    }
}
