package io.ampjava.dispatch;

import jnr.constants.platform.Fcntl;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/** The two descriptor operations the dispatcher needs, through jnr-posix, loaded on first use. */
final class NativeFds {
    private static final int FD_CLOEXEC = 1;

    private NativeFds() {}

    private static final class Holder {
        static final POSIX POSIX = POSIXFactory.getNativePOSIX();
    }

    /**
     * A new fd for the same open file as {@code fd}, close-on-exec (so a child process started
     * meanwhile does not inherit the connection's copy).
     *
     * @throws IllegalArgumentException if {@code fd} is not open
     */
    static int duplicate(int fd) {
        POSIX posix = Holder.POSIX;
        int copy = posix.dup(fd);
        if (copy < 0) {
            throw new IllegalArgumentException("cannot duplicate fd " + fd + ": errno " + posix.errno());
        }
        posix.fcntl(copy, Fcntl.F_SETFD, FD_CLOEXEC);
        return copy;
    }

    static void close(int fd) {
        Holder.POSIX.close(fd);
    }
}
