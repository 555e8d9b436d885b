package io.ampjava.dispatch;

import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * One daemon timer thread for every connection of the JVM ({@code amp-connection-watch}), started
 * when first needed: timeouts and graceful closes are checked there, a few times per timeout.
 */
final class SharedTimer {
    static final ScheduledThreadPoolExecutor INSTANCE = create();

    private SharedTimer() {}

    private static ScheduledThreadPoolExecutor create() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "amp-connection-watch");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true); // a cancelled check leaves the queue at once
        return timer;
    }
}
