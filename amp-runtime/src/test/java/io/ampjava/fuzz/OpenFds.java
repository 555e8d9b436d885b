package io.ampjava.fuzz;

import java.io.File;

/** The number of open file descriptors of this process, from {@code /proc/self/fd}. */
final class OpenFds {
    private OpenFds() {}

    static int count() {
        String[] entries = new File("/proc/self/fd").list();
        if (entries == null) {
            throw new IllegalStateException("cannot list /proc/self/fd");
        }
        return entries.length;
    }
}
