package io.ampjava.types;

// Test stand-in, used only while the real class is not on the classpath: it lets golden tests compile
// generated code. Its methods are never called.
public final class BytesArgument implements ArgumentType<byte[]> {
    public static final BytesArgument INSTANCE = new BytesArgument();

    @Override
    public byte[] toWire(byte[] value, ArgumentContext context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] fromWire(byte[] wire, ArgumentContext context) {
        throw new UnsupportedOperationException();
    }
}
