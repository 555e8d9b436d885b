package io.ampjava.types;

import java.util.Optional;

/**
 * The context for the records inside an {@link AmpListArgument} value: the same descriptors, one
 * level deeper. Refuses to go past {@link ArgumentContext#maxNestingDepth()}, so a recursive schema
 * fed a deeply nested value fails with a {@link BadArgumentException} instead of a
 * {@link StackOverflowError} on the reader thread.
 */
final class NestedContext implements ArgumentContext {
    private final ArgumentContext outer;
    private final int depth;
    private final int maxDepth;

    private NestedContext(ArgumentContext outer, int depth, int maxDepth) {
        this.outer = outer;
        this.depth = depth;
        this.maxDepth = maxDepth;
    }

    /** The context one AmpList level inside {@code context}. */
    static ArgumentContext inside(ArgumentContext context) {
        int depth = context.nestingDepth() + 1;
        int maxDepth = context.maxNestingDepth();
        if (depth > maxDepth) {
            throw new BadArgumentException("AmpList values nested more than " + maxDepth + " deep");
        }
        ArgumentContext root = context instanceof NestedContext ? ((NestedContext) context).outer : context;
        return new NestedContext(root, depth, maxDepth);
    }

    @Override
    public int sendDescriptor(Descriptor descriptor) {
        return outer.sendDescriptor(descriptor);
    }

    @Override
    public Descriptor claimDescriptor(int ordinal) {
        return outer.claimDescriptor(ordinal);
    }

    @Override
    public Optional<Descriptor> tryClaimDescriptor(int ordinal) {
        return outer.tryClaimDescriptor(ordinal);
    }

    @Override
    public int nestingDepth() {
        return depth;
    }

    @Override
    public int maxNestingDepth() {
        return maxDepth;
    }

    @Override
    public int maxLargeValueBytes() {
        return outer.maxLargeValueBytes();
    }
}
