package io.ampjava.types;

/**
 * AMP {@code String}: raw bytes, passed through unchanged. Any bytes are allowed.
 *
 * <p>Nothing is copied, in either direction. The array given to {@link #toWire} goes into the box
 * as it is, so the caller must not change it until the box is sent; the array returned by
 * {@link #fromWire} is the one the decoder filled, and belongs to the receiver from then on.
 */
public final class BytesArgument implements ArgumentType<byte[]> {
    /** The one instance. */
    public static final BytesArgument INSTANCE = new BytesArgument();

    private BytesArgument() {}

    @Override
    public byte[] toWire(byte[] value, ArgumentContext context) {
        return value;
    }

    @Override
    public byte[] fromWire(byte[] wire, ArgumentContext context) {
        return wire;
    }
}
