package io.ampjava.types;

// Test stand-in, used only while the real class is not on the classpath: it lets golden tests compile
// generated code. Its methods are never called.
public final class DateTimeArgument implements ArgumentType<java.time.OffsetDateTime> {
    public static final DateTimeArgument INSTANCE = new DateTimeArgument();

    @Override
    public byte[] toWire(java.time.OffsetDateTime value, ArgumentContext context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public java.time.OffsetDateTime fromWire(byte[] wire, ArgumentContext context) {
        throw new UnsupportedOperationException();
    }
}
