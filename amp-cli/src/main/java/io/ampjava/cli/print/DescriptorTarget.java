package io.ampjava.cli.print;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a file descriptor is open on, for printing. */
public final class DescriptorTarget {
    private DescriptorTarget() {}

    /** As the kernel names it: a path, {@code pipe:[123]}, {@code socket:[456]}; else {@code fd N}. */
    public static String of(int fd) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "fd " + fd;
        }
    }
}
