package io.ampjava.cli.call;

import io.ampjava.types.ArgumentContext;
import io.ampjava.wire.Box;

/** The arguments of one {@code amp call}, ready to be put in a box, once per call. */
interface CallRequest extends AutoCloseable {
    /**
     * A new box of the arguments (without {@code _command} and {@code _ask}); descriptors are sent
     * through {@code context}, which numbers them for this call.
     */
    Box box(ArgumentContext context);

    /** Whether some argument is a file descriptor. */
    boolean passesDescriptors();

    /** Closes the descriptors this request opened. */
    @Override
    void close();
}
