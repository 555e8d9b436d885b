package io.ampjava.types;

// Test stand-in, used only while the real class is not on the classpath: it lets golden tests compile
// generated code. Its methods are never called.
public final class ListOfArgument<T> implements ArgumentType<java.util.List<T>> {
    public ListOfArgument(ArgumentType<T> element) {}

    @Override
    public byte[] toWire(java.util.List<T> value, ArgumentContext context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public java.util.List<T> fromWire(byte[] wire, ArgumentContext context) {
        throw new UnsupportedOperationException();
    }
}
