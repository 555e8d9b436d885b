package io.ampjava.types;

import io.ampjava.transport.unix.NativePosix;
import jnr.posix.POSIX;

/** The process's native POSIX binding (shared with the transports, see {@link NativePosix}). */
final class Posix {
    private Posix() {}

    static POSIX get() {
        return NativePosix.posix();
    }
}
