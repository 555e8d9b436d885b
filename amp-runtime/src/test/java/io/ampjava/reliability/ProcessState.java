package io.ampjava.reliability;

import io.ampjava.testing.DescriptorSnapshot;
import io.ampjava.testing.ThreadSnapshot;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * What this JVM holds at one moment: its open file descriptors and live threads, by identity, and
 * heap in use after a full collection. Tests take one before and check afterwards that nothing
 * opened or started since is left; what other tests' leftovers close or end meanwhile is ignored.
 */
record ProcessState(DescriptorSnapshot fds, ThreadSnapshot threads, long heapBytes) {

    /** The fds and threads now; heap after a collection (slow: a few hundred ms). */
    static ProcessState withHeap() throws InterruptedException {
        long heap = heapAfterGc();
        return new ProcessState(DescriptorSnapshot.take(), ThreadSnapshot.take(), heap);
    }

    /** The fds and threads now; heap is not measured (reported as -1). */
    static ProcessState now() {
        return new ProcessState(DescriptorSnapshot.take(), ThreadSnapshot.take(), -1);
    }

    /**
     * Asserts that every fd opened and every thread started since this state is gone within
     * {@code within} (each); the failure lists the fds with their targets, or the threads by name.
     * Process reaper threads are not counted ({@link ThreadSnapshot}).
     */
    void assertNothingNewLeft(Duration within) throws InterruptedException {
        fds.assertNoNewDescriptors(within);
        threads.assertNoNewThreads(within);
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
        return fds + ", " + threads + (heapBytes < 0 ? "" : ", " + heapBytes / 1024 + " KiB heap after GC");
    }
}
