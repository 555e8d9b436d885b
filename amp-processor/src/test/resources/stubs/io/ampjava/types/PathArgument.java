package io.ampjava.types;

// Test stand-in, used only while the real class is not on the classpath: it lets golden tests compile
// generated code. Its methods are never called.
public final class PathArgument implements ArgumentType<java.nio.file.Path> {
    public static final PathArgument INSTANCE = new PathArgument();

    @Override
    public byte[] toWire(java.nio.file.Path value, ArgumentContext context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public java.nio.file.Path fromWire(byte[] wire, ArgumentContext context) {
        throw new UnsupportedOperationException();
    }
}
