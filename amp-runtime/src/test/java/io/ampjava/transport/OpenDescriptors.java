package io.ampjava.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Counts this process's open file descriptors (Linux: the entries of {@code /proc/self/fd}). */
final class OpenDescriptors {
    private OpenDescriptors() {}

    static long count() {
        try (Stream<Path> entries = Files.list(Path.of("/proc/self/fd"))) {
            return entries.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits up to a second for the count to come back to {@code baseline} (a closed transport's fd
     * is released by its last reader, which may still be leaving), then returns the count.
     */
    static long settleTo(long baseline) throws InterruptedException {
        long deadline = System.nanoTime() + 1_000_000_000L;
        long now = count();
        while (now != baseline && System.nanoTime() < deadline) {
            Thread.sleep(10);
            now = count();
        }
        return now;
    }

    /** The count once it has stopped changing (threads that close descriptors are winding down). */
    static long steady() throws InterruptedException {
        long deadline = System.nanoTime() + 1_000_000_000L;
        long previous = count();
        while (System.nanoTime() < deadline) {
            Thread.sleep(50);
            long now = count();
            if (now == previous) {
                return now;
            }
            previous = now;
        }
        return previous;
    }
}
