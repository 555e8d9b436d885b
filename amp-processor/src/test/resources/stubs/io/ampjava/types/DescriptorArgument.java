package io.ampjava.types;

// Test stand-in, used only while the real class is not on the classpath: it lets golden tests compile
// generated code. Its methods are never called.
public final class DescriptorArgument implements ArgumentType<Descriptor> {
    public static final DescriptorArgument INSTANCE = new DescriptorArgument();

    @Override
    public byte[] toWire(Descriptor value, ArgumentContext context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Descriptor fromWire(byte[] wire, ArgumentContext context) {
        throw new UnsupportedOperationException();
    }
}
