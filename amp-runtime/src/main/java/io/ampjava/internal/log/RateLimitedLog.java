package io.ampjava.internal.log;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs a recurring failure at most once per interval, without a stack trace, saying how many were
 * left out since: a server out of file descriptors or threads fails every accept until it has
 * some again, and must not fill its log (or spend its last memory on stack traces) meanwhile. The
 * stack traces go to {@link Level#DEBUG}. Internal to amp-java.
 */
public final class RateLimitedLog {
    private final Logger logger;
    private final long intervalNanos;
    private final AtomicLong nextAt = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong skipped = new AtomicLong();

    public RateLimitedLog(Logger logger, long intervalMillis) {
        this.logger = logger;
        this.intervalNanos = intervalMillis * 1_000_000;
    }

    /** Logs {@code message} and the failure's one-line description, unless one was logged within the interval. */
    public void log(Level level, String message, Throwable failure) {
        try {
            long now = System.nanoTime();
            long next = nextAt.get();
            if ((next != Long.MIN_VALUE && now - next < 0) || !nextAt.compareAndSet(next, now + intervalNanos)) {
                skipped.incrementAndGet();
                return;
            }
            long left = skipped.getAndSet(0);
            String line = message + (failure == null ? "" : ": " + failure)
                    + (left == 0 ? "" : " (" + left + " more like it not logged)");
            logger.log(level, line);
            if (failure != null && logger.isLoggable(Level.DEBUG)) {
                logger.log(Level.DEBUG, message, failure);
            }
        } catch (Throwable ignored) {
            // Logging must never be what fails: the heap may be exhausted right now.
        }
    }
}
