package io.ampjava.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The live threads of this JVM at one moment, by identity, for leak checks that threads left by
 * earlier tests cannot upset: a thread that has ended since is fine, a thread started since that
 * is still alive is a leak. Comparing counts instead fails when an earlier test's thread ends
 * late, and lets a new thread hide behind one that ended.
 *
 * <p>The JDK's own system threads are never reported: threads named {@value #PROCESS_REAPER} (the
 * JDK starts one for a process start when none is idle at that instant and keeps it for a minute),
 * and every thread of the JDK's {@value #JDK_SYSTEM_GROUP}, such as a {@code Cleaner-0} that some
 * library's {@code Cleaner.create()} starts once and keeps for the life of the JVM. No code under
 * test starts threads in that group. Nor are the threads of the JVM-wide pools that
 * {@code CompletableFuture} shares (its delay scheduler, started by the first {@code orTimeout},
 * and the common pool's workers, which idle for a minute), nor amp-java's own timer thread
 * {@value #AMP_TIMER} (one per JVM, started by the first connection with a timeout and kept like
 * the JDK's): they belong to no connection.
 */
public final class ThreadSnapshot {
    /** The name of the JDK's pooled threads that wait for child processes. */
    public static final String PROCESS_REAPER = "process reaper";
    /** The thread group of the JDK's internal ("innocuous") system threads. */
    public static final String JDK_SYSTEM_GROUP = "InnocuousThreadGroup";
    /**
     * The name of amp-java's timer thread, {@code io.ampjava.internal.concurrent.SharedTimer}'s,
     * which watches connections' timeouts for the whole JVM.
     */
    public static final String AMP_TIMER = "amp-connection-watch";
    private static final String DELAY_SCHEDULER = "CompletableFutureDelayScheduler";
    private static final String COMMON_POOL_WORKER = "ForkJoinPool.commonPool-worker-";

    private final Set<Thread> threads;

    private ThreadSnapshot(Set<Thread> threads) {
        this.threads = threads;
    }

    /** The threads alive now. */
    public static ThreadSnapshot take() {
        Set<Thread> live = Collections.newSetFromMap(new IdentityHashMap<>());
        live.addAll(liveThreads());
        return new ThreadSnapshot(Collections.unmodifiableSet(live));
    }

    /**
     * The live threads the JVM shows to Java code: the JVM's own, such as compiler threads that
     * come and go with the load, are left out.
     */
    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet();
    }

    /** The number of threads in this snapshot. */
    public int size() {
        return threads.size();
    }

    /** Whether {@code thread} was alive when this snapshot was taken. */
    public boolean contains(Thread thread) {
        return threads.contains(thread);
    }

    /** The threads alive now that were not when this snapshot was taken (JDK system threads aside), by name. */
    public List<Thread> startedSince() {
        List<Thread> started = new ArrayList<>();
        for (Thread thread : liveThreads()) {
            if (!threads.contains(thread) && thread.isAlive() && !isJvmWideThread(thread)) {
                started.add(thread);
            }
        }
        started.sort(Comparator.comparing(Thread::getName).thenComparingLong(Thread::getId));
        return started;
    }

    private static boolean isJvmWideThread(Thread thread) {
        ThreadGroup group = thread.getThreadGroup(); // null once the thread has ended
        String name = thread.getName();
        return name.equals(PROCESS_REAPER) || name.equals(DELAY_SCHEDULER) || name.equals(AMP_TIMER)
                || name.startsWith(COMMON_POOL_WORKER)
                || (group != null && group.getName().equals(JDK_SYSTEM_GROUP));
    }

    /**
     * Asserts that every thread started since this snapshot has ended within {@code within}; the
     * failure names those still alive, with their states.
     */
    public void assertNoNewThreads(Duration within) throws InterruptedException {
        List<Thread> left = leftRunningAfter(within);
        if (!left.isEmpty()) {
            fail(left.size() + " threads started since the snapshot are still alive after " + within.toMillis() + " ms: " + describe(left));
        }
    }

    /**
     * Waits up to {@code within} for every thread started since this snapshot to end, and returns
     * those still alive then (empty if none): for a test that reports before it asserts.
     */
    public List<Thread> leftRunningAfter(Duration within) throws InterruptedException {
        return Polling.untilEmpty(this::startedSince, within);
    }

    /** {@code threads} as "name (state)", one per thread. */
    public static String describe(List<Thread> threads) {
        return threads.stream().map(t -> "\"" + t.getName() + "\" (" + t.getState() + ")").collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public String toString() {
        return threads.size() + " threads";
    }
}
