package io.ampjava.cli.proxy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/**
 * Gives the calling thread the lowest CPU priority (Linux: nice 19 for this thread alone), for
 * work that must never hold up the threads that forward bytes: on a busy machine the proxy's
 * printer then runs in the time they leave, and its backlog absorbs the difference.
 */
final class BackgroundThread {
    private static final int PRIO_PROCESS = 0;
    private static final int LOWEST = 19;

    private BackgroundThread() {}

    /** Lowers the calling thread's priority where the system allows it; elsewhere does nothing. */
    static void lowerPriority() {
        try {
            // "/proc/thread-self" links to "PID/task/TID": Java has no other way to the thread id.
            Path self = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            int tid = Integer.parseInt(self.getFileName().toString());
            POSIX posix = POSIXFactory.getNativePOSIX();
            posix.setpriority(PRIO_PROCESS, tid, LOWEST);
        } catch (IOException | RuntimeException | LinkageError e) {
            // not Linux, or no native access: the printer runs at normal priority
        }
    }
}
