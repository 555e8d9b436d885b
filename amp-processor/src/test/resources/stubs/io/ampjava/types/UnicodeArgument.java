package io.ampjava.types;

// Test stand-in, used only while the real class is not on the classpath: it lets golden tests compile
// generated code. Its methods are never called.
public final class UnicodeArgument implements ArgumentType<String> {
    public static final UnicodeArgument INSTANCE = new UnicodeArgument();

    @Override
    public byte[] toWire(String value, ArgumentContext context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String fromWire(byte[] wire, ArgumentContext context) {
        throw new UnsupportedOperationException();
    }
}
