package io.ampjava.types;

/**
 * AMP {@code Descriptor}: an open file descriptor passed over a Unix socket. The descriptor itself
 * travels beside the stream (SCM_RIGHTS); the value is its decimal ordinal on the connection
 * ({@code 0}, {@code 1}, ... counted separately in each direction), which the receiver uses to
 * claim it. Needs a connection that can pass descriptors: see {@link ArgumentContext}.
 */
public final class DescriptorArgument implements ArgumentType<Descriptor> {
    /** The one instance. */
    public static final DescriptorArgument INSTANCE = new DescriptorArgument();

    private DescriptorArgument() {}

    /**
     * Queues the descriptor on the connection and returns its ordinal as text. The caller keeps
     * ownership of {@code value}.
     *
     * @throws UnsupportedOperationException if the connection cannot pass descriptors
     */
    @Override
    public byte[] toWire(Descriptor value, ArgumentContext context) {
        return IntArgument.encode(context.sendDescriptor(value));
    }

    /**
     * Claims the received descriptor the ordinal names; the caller owns (and must close) it.
     *
     * @throws BadArgumentException if the value is not an ordinal or no such descriptor is waiting
     */
    @Override
    public Descriptor fromWire(byte[] wire, ArgumentContext context) {
        return context.claimDescriptor(IntArgument.decode(wire));
    }
}
