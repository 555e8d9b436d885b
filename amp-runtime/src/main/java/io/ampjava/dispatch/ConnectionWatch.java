package io.ampjava.dispatch;

import io.ampjava.internal.concurrent.SharedTimer;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Watches one connection's timeouts from the timer thread shared by every connection in the JVM
 * ({@link SharedTimer}): the idle timeout, the write-stall timeout and the memory-budget timeout
 * ({@link ConnectionOptions}). A connection that breaks one is closed with a
 * {@link ConnectionTimeoutException} that says which, and why.
 *
 * <p>It looks at counters the connection keeps anyway (boxes read, the outbound queue's progress),
 * a few times per timeout, so the connection's own paths pay nothing for being watched. Stopped
 * when the connection closes, it leaves nothing that keeps the connection reachable.
 */
final class ConnectionWatch implements Runnable {
    private static final System.Logger LOG = System.getLogger(AmpConnection.class.getName());
    private static final long MIN_PERIOD_MILLIS = 10;
    private static final long MAX_PERIOD_MILLIS = 1000;

    private final AmpConnection connection;
    private final ReadLoop reader;
    private final OutboundQueue outbound;
    private final ConnectionLimits limits;
    private final PendingCalls<?> pending;
    private final long idleNanos; // 0: not watched
    private final long stallNanos;
    private final long budgetNanos;
    private ScheduledFuture<?> schedule;
    // Timer thread only.
    private int lastBoxes;
    private long activeAt;
    private int lastProgress;
    private long progressAt;
    private boolean overBudget; // at the last look
    private long overBudgetSince;

    private ConnectionWatch(AmpConnection connection, ConnectionOptions options, ReadLoop reader,
            OutboundQueue outbound, ConnectionLimits limits, PendingCalls<?> pending) {
        this.connection = connection;
        this.reader = reader;
        this.outbound = outbound;
        this.limits = limits;
        this.pending = pending;
        this.idleNanos = nanos(options.idleTimeout());
        this.stallNanos = nanos(options.writeStallTimeout());
        this.budgetNanos = options.memoryBudget() == null ? 0 : nanos(options.budgetTimeout());
        long now = System.nanoTime();
        this.activeAt = now;
        this.progressAt = now;
    }

    /** Starts watching {@code connection}, or returns null when its options set no timeout to watch. */
    static ConnectionWatch start(AmpConnection connection, ConnectionOptions options, ReadLoop reader,
            OutboundQueue outbound, ConnectionLimits limits, PendingCalls<?> pending) {
        ConnectionWatch watch = new ConnectionWatch(connection, options, reader, outbound, limits, pending);
        long shortest = Long.MAX_VALUE;
        for (long timeout : new long[] {watch.idleNanos, watch.stallNanos, watch.budgetNanos}) {
            if (timeout > 0) {
                shortest = Math.min(shortest, timeout);
            }
        }
        if (shortest == Long.MAX_VALUE) {
            return null;
        }
        long period = Math.min(MAX_PERIOD_MILLIS, Math.max(MIN_PERIOD_MILLIS, TimeUnit.NANOSECONDS.toMillis(shortest) / 4));
        synchronized (watch) {
            watch.schedule = SharedTimer.scheduleWithFixedDelay(watch, period, period, TimeUnit.MILLISECONDS);
        }
        return watch;
    }

    /** Stops watching: the timer forgets this connection. */
    void stop() {
        ScheduledFuture<?> scheduled;
        synchronized (this) {
            scheduled = schedule;
        }
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }

    @Override
    public void run() {
        if (!connection.isOpen()) {
            stop(); // closed before its close could stop the watch
            return;
        }
        long now = System.nanoTime();
        String broken = null;
        if (idleNanos > 0) {
            int boxes = reader.boxesReceived();
            if (boxes != lastBoxes || limits.requestsInProgress() > 0 || pending.size() > 0) {
                lastBoxes = boxes;
                activeAt = now;
            } else if (now - activeAt >= idleNanos) {
                broken = "no box from the peer for " + seconds(now - activeAt)
                        + " while nothing was in progress (idle timeout)";
            }
        }
        if (broken == null && stallNanos > 0) {
            int progress = outbound.progress();
            long queued = outbound.queuedBytes();
            if (queued == 0 || progress != lastProgress) {
                lastProgress = progress;
                progressAt = now;
            } else if (now - progressAt >= stallNanos) {
                broken = queued + " bytes wait to be written and the peer has taken none for "
                        + seconds(now - progressAt) + " (write-stall timeout)";
            }
        }
        if (broken == null && budgetNanos > 0) {
            if (!limits.overBudget()) {
                overBudget = false;
            } else if (!overBudget) {
                overBudget = true;
                overBudgetSince = now;
            } else if (now - overBudgetSince >= budgetNanos) {
                broken = "it held " + limits.budgetShare() + " bytes of a spent memory budget for "
                        + seconds(now - overBudgetSince) + " (budget timeout)";
            }
        }
        if (broken != null) {
            String reason = connection.describe() + ": closed: " + broken;
            LOG.log(System.Logger.Level.INFO, reason);
            connection.shutdown(new ConnectionTimeoutException(reason)); // a failure: a limit broken
            stop();
        }
    }

    private static long nanos(Duration timeout) {
        return timeout == null ? 0 : timeout.toNanos();
    }

    private static String seconds(long nanos) {
        return String.format("%.1f s", nanos / 1e9);
    }
}
