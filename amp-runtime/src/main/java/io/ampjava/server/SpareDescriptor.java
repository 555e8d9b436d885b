package io.ampjava.server;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One file descriptor held in reserve (on {@code /dev/null}) by the accept thread, for when the
 * process has run out of them. A blocking {@code accept} then fails at once, leaving the peer
 * waiting in the listen backlog, connected as far as it can tell, for as long as the shortage
 * lasts: it would hang. With the spare one freed, the server can take that peer and either serve
 * it (descriptors are back) or close it at once, so it learns promptly that it was refused.
 */
class SpareDescriptor implements AutoCloseable {
    private static final Path DEV_NULL = Path.of("/dev/null");

    private FileChannel spare;

    /** Frees the spare descriptor for a moment; false if none was held. */
    boolean release() {
        FileChannel held = spare;
        spare = null;
        if (held == null) {
            return false;
        }
        try {
            held.close();
        } catch (Throwable ignored) {
            // FileChannel.close of a plain file releases the descriptor even when it reports an error
        }
        return true;
    }

    /** Takes a spare descriptor again, if none is held; false when the process has none to spare. */
    boolean take() {
        if (spare != null) {
            return true;
        }
        try {
            spare = FileChannel.open(DEV_NULL, StandardOpenOption.READ);
            return true;
        } catch (Throwable outOfDescriptors) {
            return false;
        }
    }

    @Override
    public void close() {
        release();
    }
}
