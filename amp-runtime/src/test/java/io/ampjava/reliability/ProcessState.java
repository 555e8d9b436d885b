package io.ampjava.reliability;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * What this JVM holds right now: open file descriptors ({@code /proc/self/fd}), live threads, and
 * heap in use after a full collection. Tests take one before and one after, and wait for the
 * after to come back down to the before.
 */
record ProcessState(int fds, int threads, long heapBytes) {

    /** Counts fds and threads now; heap after a collection (slow: a few hundred ms). */
    static ProcessState withHeap() throws InterruptedException {
        long heap = heapAfterGc();
        return new ProcessState(openFds(), liveThreads(), heap);
    }

    /** Counts fds and threads now; heap is not measured (reported as -1). */
    static ProcessState now() {
        return new ProcessState(openFds(), liveThreads(), -1);
    }

    /**
     * Waits until the fd and thread counts are at most {@code baseline}'s, or {@code within} has
     * passed; returns the last state seen (the caller asserts on it).
     */
    static ProcessState settleTo(ProcessState baseline, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        ProcessState state = now();
        while ((state.fds > baseline.fds || state.threads > baseline.threads) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            state = now();
        }
        return state;
    }

    static int openFds() {
        String[] entries = new File("/proc/self/fd").list();
        if (entries == null) {
            throw new IllegalStateException("cannot list /proc/self/fd");
        }
        return entries.length - 1; // not the one this listing had open
    }

    /**
     * Live threads, not counting the JDK's "process reaper" pool: it starts a thread per process
     * start when none is idle at that instant and keeps it for a minute, whatever the code under
     * test does.
     */
    static int liveThreads() {
        int count = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (!thread.getName().equals("process reaper")) {
                count++;
            }
        }
        return count;
    }

    /** The names of the live threads, for failure messages. */
    static String threadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).sorted().toList().toString();
    }

    static long heapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        // Several rounds: finalizable and weakly reachable objects need more than one collection.
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    @Override
    public String toString() {
        return fds + " fds, " + threads + " threads" + (heapBytes < 0 ? "" : ", " + heapBytes / 1024 + " KiB heap after GC");
    }
}
