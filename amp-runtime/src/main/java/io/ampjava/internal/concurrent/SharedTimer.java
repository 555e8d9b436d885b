package io.ampjava.internal.concurrent;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one timer thread of amp-java in a JVM, {@value #THREAD_NAME}, started when first needed and
 * kept for the life of the JVM (a daemon): it watches every connection's timeouts (idle, write
 * stall, memory budget, calls), checks graceful closes, and runs the little housekeeping that must
 * not wait for a connection's own threads. Its tasks must be short. Internal to amp-java.
 */
public final class SharedTimer {
    /** The name of the timer's thread. */
    public static final String THREAD_NAME = "amp-connection-watch";

    private static final ScheduledThreadPoolExecutor TIMER = create();

    private SharedTimer() {}

    private static ScheduledThreadPoolExecutor create() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true); // a cancelled task leaves the queue at once
        return timer;
    }

    /**
     * Runs {@code task} after {@code initialDelay}, then again {@code delay} after each run ends,
     * until cancelled.
     *
     * @throws OutOfMemoryError when the timer's thread cannot start (the process is at its thread
     *     limit); nothing is scheduled then, so nothing keeps {@code task} reachable
     */
    public static ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, long initialDelay, long delay,
            TimeUnit unit) {
        startThread();
        return TIMER.scheduleWithFixedDelay(task, initialDelay, delay, unit);
    }

    /** Runs {@code task} once, after {@code delay}; throws as {@link #scheduleWithFixedDelay} does. */
    public static ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        startThread();
        return TIMER.schedule(task, delay, unit);
    }

    /**
     * The thread first: the executor queues a task before it starts its thread, and a start that
     * fails would leave the task queued, with nobody to run or cancel it.
     */
    private static void startThread() {
        TIMER.prestartCoreThread();
    }
}
