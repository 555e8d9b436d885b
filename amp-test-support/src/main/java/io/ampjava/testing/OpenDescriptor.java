package io.ampjava.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One open file descriptor of this process, named by its number and what it refers to: the link
 * target of {@code /proc/self/fd/N}, such as {@code socket:[81234]}, {@code pipe:[81235]} or a
 * path. The pair identifies a descriptor: a number that is closed and reused for something else
 * gets another target (sockets and pipes carry their inode), so it counts as a different one.
 *
 * @param fd the descriptor number
 * @param target what {@code /proc/self/fd/N} links to
 */
public record OpenDescriptor(int fd, String target) {
    static final Path FD_DIRECTORY = Path.of("/proc/self/fd");

    /** Descriptor {@code fd} as it is now, or empty if it is not open. */
    public static Optional<OpenDescriptor> of(int fd) {
        try {
            return Optional.of(new OpenDescriptor(fd, Files.readSymbolicLink(FD_DIRECTORY.resolve(Integer.toString(fd))).toString()));
        } catch (NoSuchFileException closed) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FD_DIRECTORY + "/" + fd, e);
        }
    }

    /** Descriptor {@code fd}, which the caller knows to be open right now. */
    public static OpenDescriptor open(int fd) {
        return of(fd).orElseThrow(() -> new IllegalStateException("fd " + fd + " is not open"));
    }

    /** Whether this descriptor is still open: its number still refers to the same thing. */
    public boolean isOpen() {
        return of(fd).filter(this::equals).isPresent();
    }

    /** Whether it is a socket ({@code socket:[inode]}). */
    public boolean isSocket() {
        return target.startsWith("socket:[");
    }

    /** Whether it is a pipe end ({@code pipe:[inode]}); both ends of one pipe have the same target. */
    public boolean isPipe() {
        return target.startsWith("pipe:[");
    }

    @Override
    public String toString() {
        return "fd " + fd + " -> " + target;
    }
}
