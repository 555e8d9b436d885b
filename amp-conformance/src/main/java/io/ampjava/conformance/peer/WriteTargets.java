package io.ampjava.conformance.peer;

import io.ampjava.internal.posix.NativePosix;
import io.ampjava.types.Descriptor;
import jnr.posix.FileStat;

/**
 * Whether a write into a received descriptor may block for long. A regular file or a memory device
 * ({@code /dev/null}, {@code /dev/zero}...: character devices of major number 1) takes the bytes at
 * once; a pipe, socket or terminal may not, and those writes go to a pool thread.
 */
final class WriteTargets {
    private static final int MEMORY_DEVICES = 1;

    private WriteTargets() {}

    static boolean neverBlock(Descriptor fd) {
        FileStat stat = stat(fd.fd());
        if (stat == null) {
            return false;
        }
        return stat.isFile() || (stat.isCharDev() && major(stat.rdev()) == MEMORY_DEVICES);
    }

    /** Linux's major(): jnr's FileStat.major answers 0 for /dev/null here. */
    private static long major(long rdev) {
        return ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
    }

    /** fstat, or null when it fails (the write then takes the careful path and reports the error). */
    private static FileStat stat(int fd) {
        try {
            FileStat stat = NativePosix.posix().allocateStat();
            return NativePosix.posix().fstat(fd, stat) == 0 ? stat : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
