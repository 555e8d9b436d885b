package io.ampjava.types;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open file descriptor of this process, as sent or received by a {@code Descriptor} argument
 * over a Unix socket.
 *
 * <p>Ownership is explicit: a {@code Descriptor} owns its fd and {@link #close()} closes it (once).
 * A received descriptor belongs to the code that received it, which must close it. Sending one does
 * not give it away: the connection sends a duplicate, so the sender may close its own as soon as
 * {@code call} returns.
 */
public final class Descriptor implements AutoCloseable {
    private static final int CLOSED = -1;

    private final AtomicInteger fd;

    private Descriptor(int fd) {
        if (fd < 0) {
            throw new IllegalArgumentException("not a file descriptor: " + fd);
        }
        this.fd = new AtomicInteger(fd);
    }

    /** Takes ownership of {@code fd}: closing the result closes it. */
    public static Descriptor adopt(int fd) {
        return new Descriptor(fd);
    }

    /**
     * The fd number.
     *
     * @throws IllegalStateException if this descriptor was closed or released
     */
    public int fd() {
        int value = fd.get();
        if (value == CLOSED) {
            throw new IllegalStateException("descriptor already closed or released");
        }
        return value;
    }

    public boolean isOpen() {
        return fd.get() != CLOSED;
    }

    /** Gives up ownership without closing: returns the fd, which the caller must close. */
    public int release() {
        int value = fd.getAndSet(CLOSED);
        if (value == CLOSED) {
            throw new IllegalStateException("descriptor already closed or released");
        }
        return value;
    }

    /** Closes the fd; later calls do nothing. */
    @Override
    public void close() {
        int value = fd.getAndSet(CLOSED);
        if (value != CLOSED) {
            Posix.get().close(value);
        }
    }

    @Override
    public String toString() {
        int value = fd.get();
        return value == CLOSED ? "Descriptor[closed]" : "Descriptor[fd=" + value + "]";
    }
}
