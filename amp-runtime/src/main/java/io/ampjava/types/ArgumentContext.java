package io.ampjava.types;

import java.util.Optional;

/**
 * What an argument type may need from the connection it is encoded for or decoded from: today,
 * the exchange of file descriptors ({@link DescriptorArgument}). Twisted calls these "proto-aware"
 * arguments.
 */
public interface ArgumentContext {
    /**
     * The default limit on how deeply {@link AmpListArgument} values may nest when decoding: far
     * beyond any real schema, far below what would exhaust a thread's stack.
     */
    int DEFAULT_MAX_NESTING_DEPTH = 32;

    /**
     * The default limit on a {@link LargeValue}, sent or received: 16 MiB. (A connection's default
     * limit on a box is 1 MiB more, room for the value's chunk keys and the other arguments.)
     */
    int DEFAULT_MAX_LARGE_VALUE_BYTES = 16 << 20;

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

        @Override
        public Optional<Descriptor> tryClaimDescriptor(int ordinal) {
            return Optional.empty();
        }
    };

    /**
     * Queues {@code descriptor} to travel with the box being encoded and returns its ordinal on
     * this connection (0, 1, 2, ... per direction). The caller keeps ownership of
     * {@code descriptor}; the connection sends a duplicate and closes that once it is written.
     *
     * @param descriptor the descriptor to send
     * @return its ordinal
     * @throws UnsupportedOperationException if the transport cannot carry descriptors
     */
    int sendDescriptor(Descriptor descriptor);

    /**
     * Takes the descriptor received with {@code ordinal}; each can be claimed once. The caller owns
     * the result and must close it.
     *
     * @param ordinal the ordinal the box names
     * @return the descriptor
     * @throws BadArgumentException if no descriptor with that ordinal is waiting
     */
    Descriptor claimDescriptor(int ordinal);

    /**
     * Takes the descriptor received with {@code ordinal} if one is waiting, like
     * {@link #claimDescriptor} but without failing: for code that takes the descriptors no argument
     * names (an untyped call, a relay), in ordinal order until none is left. The connection's own
     * contexts answer without throwing; this default calls {@link #claimDescriptor}.
     *
     * @param ordinal the ordinal to take
     * @return the descriptor, which the caller owns and must close, or empty if none with that
     *     ordinal is waiting (never received, or claimed already)
     */
    default Optional<Descriptor> tryClaimDescriptor(int ordinal) {
        try {
            return Optional.of(claimDescriptor(ordinal));
        } catch (BadArgumentException none) {
            return Optional.empty();
        }
    }

    /**
     * How many {@link AmpListArgument} values enclose the one being decoded: 0 for a value that
     * sits directly in a command's box, 1 inside one AmpList record, and so on.
     *
     * @return the depth
     */
    default int nestingDepth() {
        return 0;
    }

    /**
     * The deepest {@link #nestingDepth()} at which an AmpList value is still decoded; a deeper one
     * is refused with a {@link BadArgumentException}. A peer can nest values only as deep as the
     * schema allows, so this matters only for recursive record types.
     *
     * @return the deepest depth decoded
     */
    default int maxNestingDepth() {
        return DEFAULT_MAX_NESTING_DEPTH;
    }

    /**
     * {@return the longest {@link LargeValue} this side puts together from the chunks it receives, or
     * sends} A peer that claims more is refused with a {@link LargeValueException} before anything is
     * allocated for it.
     */
    default int maxLargeValueBytes() {
        return DEFAULT_MAX_LARGE_VALUE_BYTES;
    }
}
