package io.ampjava.dispatch;

import io.ampjava.wire.Box;

/**
 * What encoding one box needs, kept per thread and reused: a box to fill and the array of a tag.
 * A request or an answer is built, encoded into its frame and forgotten in one go on one thread,
 * so its box and tag need not be new each time; only the frame is.
 *
 * <p>Only for boxes that are encoded at once and seen by nobody else: the caller takes the box,
 * fills it, encodes it and calls {@link #release} in a {@code finally}.
 */
final class EncodingScratch {
    private static final ThreadLocal<EncodingScratch> OF_THREAD = ThreadLocal.withInitial(EncodingScratch::new);
    private static final int MAX_TAG_DIGITS = 16;

    private final Box box = new Box(16);
    private final byte[][] tags = new byte[MAX_TAG_DIGITS + 1][];
    private boolean taken;

    private EncodingScratch() {}

    /**
     * This thread's box, empty; a new one when this thread's is in use already (a codec that makes
     * a call while it encodes one, say).
     */
    static Box box() {
        EncodingScratch scratch = OF_THREAD.get();
        if (scratch.taken) {
            return new Box();
        }
        scratch.taken = true;
        return scratch.box;
    }

    /** Gives the box back (emptied), if it was this thread's. */
    static void release(Box box) {
        EncodingScratch scratch = OF_THREAD.get();
        if (box == scratch.box) {
            box.clear();
            scratch.taken = false;
        }
    }

    /** The digits of {@code tag}, in an array of this thread's that the next call overwrites. */
    static byte[] tag(long tag) {
        int digits = Tags.digits(tag);
        byte[][] tags = OF_THREAD.get().tags;
        byte[] out = tags[digits];
        if (out == null) {
            out = tags[digits] = new byte[digits];
        }
        return Tags.formatInto(tag, out);
    }
}
