package io.ampjava.transport.unix;

import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps a file descriptor open while native calls use it. Closing an fd that another thread is
 * blocked on neither wakes that thread nor is safe (the number may be reused at once by an
 * unrelated {@code open}), so {@link #close} only marks the guard closed and wakes the users (with
 * {@code shutdown}); the last user to leave releases the fd.
 */
final class FdUseGuard {
    private static final int CLOSED = 1;
    private static final int USER = 2;

    private final AtomicInteger state = new AtomicInteger();
    private final Runnable release;

    /** @param release closes the fd; runs exactly once, on whichever thread leaves last */
    FdUseGuard(Runnable release) {
        this.release = release;
    }

    /** Registers a user of the fd; pair with {@link #exit()} in a finally block. */
    void enter() throws ClosedChannelException {
        while (true) {
            int current = state.get();
            if ((current & CLOSED) != 0) {
                throw new ClosedChannelException();
            }
            if (state.compareAndSet(current, current + USER)) {
                return;
            }
        }
    }

    void exit() {
        if (state.addAndGet(-USER) == CLOSED) {
            release.run();
        }
    }

    boolean isClosed() {
        return (state.get() & CLOSED) != 0;
    }

    /**
     * Marks the guard closed and runs {@code wake} while the fd is still open; the fd is released
     * now if nobody uses it, or when the last user leaves.
     *
     * @return false if it was already closed (nothing done)
     */
    boolean close(Runnable wake) {
        while (true) {
            int current = state.get();
            if ((current & CLOSED) != 0) {
                return false;
            }
            if (state.compareAndSet(current, (current | CLOSED) + USER)) {
                break;
            }
        }
        try {
            wake.run();
        } finally {
            exit();
        }
        return true;
    }
}
