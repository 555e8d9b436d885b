package io.ampjava.transport;

import java.util.concurrent.Executor;

/**
 * Runs each task on a fresh daemon thread. Tests block in reads and writes on purpose; on a
 * two-core machine the common pool has a single thread, which one blocked task would starve.
 */
public final class NewThread implements Executor {
    public static final NewThread EACH_TASK = new NewThread();

    private NewThread() {}

    @Override
    public void execute(Runnable task) {
        Thread thread = new Thread(task, "test-task");
        thread.setDaemon(true);
        thread.start();
    }
}
