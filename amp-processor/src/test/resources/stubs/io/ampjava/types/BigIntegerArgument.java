package io.ampjava.types;

// Test stand-in, used only while the real class is not on the classpath: it lets golden tests compile
// generated code. Its methods are never called.
public final class BigIntegerArgument implements ArgumentType<java.math.BigInteger> {
    public static final BigIntegerArgument INSTANCE = new BigIntegerArgument();

    @Override
    public byte[] toWire(java.math.BigInteger value, ArgumentContext context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public java.math.BigInteger fromWire(byte[] wire, ArgumentContext context) {
        throw new UnsupportedOperationException();
    }
}
