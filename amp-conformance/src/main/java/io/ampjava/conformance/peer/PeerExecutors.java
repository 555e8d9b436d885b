package io.ampjava.conformance.peer;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads the peer's responders hand work to, so that no responder blocks a connection's reader
 * thread: a timer for {@code Delay}, and a pool for system calls that may block ({@code open} of a
 * FIFO, {@code write} into a full pipe). Shared by all connections; daemon threads.
 */
public final class PeerExecutors implements AutoCloseable {
    private final ScheduledExecutorService timer;
    private final ExecutorService blocking;

    public PeerExecutors() {
        this.timer = Executors.newSingleThreadScheduledExecutor(daemons("amp-peer-timer"));
        this.blocking = Executors.newCachedThreadPool(daemons("amp-peer-io"));
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    ExecutorService blocking() {
        return blocking;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        blocking.shutdownNow();
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
