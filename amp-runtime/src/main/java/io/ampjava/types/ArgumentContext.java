package io.ampjava.types;

/**
 * What an argument type may need from the connection it is encoded for or decoded from: today,
 * the exchange of file descriptors ({@link DescriptorArgument}). Twisted calls these "proto-aware"
 * arguments.
 */
public interface ArgumentContext {
    /** A context with no connection behind it: descriptors are refused. */
    ArgumentContext NONE = new ArgumentContext() {
        @Override
        public int sendDescriptor(Descriptor descriptor) {
            throw new UnsupportedOperationException(
                    "a Descriptor can only be sent over a Unix socket connection");
        }

        @Override
        public Descriptor claimDescriptor(int ordinal) {
            throw new BadArgumentException("no descriptor " + ordinal + " was received: this is not a Unix socket");
        }
    };

    /**
     * Queues {@code descriptor} to travel with the box being encoded and returns its ordinal on
     * this connection (0, 1, 2, ... per direction). The caller keeps ownership of
     * {@code descriptor}; the connection sends a duplicate and closes that once it is written.
     *
     * @throws UnsupportedOperationException if the transport cannot carry descriptors
     */
    int sendDescriptor(Descriptor descriptor);

    /**
     * Takes the descriptor received with {@code ordinal}; each can be claimed once. The caller owns
     * the result and must close it.
     *
     * @throws BadArgumentException if no descriptor with that ordinal is waiting
     */
    Descriptor claimDescriptor(int ordinal);
}
