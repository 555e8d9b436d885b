package io.ampjava.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

@Timeout(20)
class ThreadSnapshotTest {
    @Test
    void aThreadStartedSinceIsReportedUntilItEnds() throws Exception {
        ThreadSnapshot before = ThreadSnapshot.take();
        CountDownLatch release = new CountDownLatch(1);
        Thread lingering = new Thread(() -> awaitQuietly(release), "lingering-test-thread");
        lingering.start();
        try {
            assertEquals(List.of(lingering), before.startedSince());
            AssertionFailedError leak = assertThrows(AssertionFailedError.class, () -> before.assertNoNewThreads(Duration.ofMillis(50)));
            assertTrue(leak.getMessage().contains("\"lingering-test-thread\" (WAITING)"), leak.getMessage());
        } finally {
            release.countDown();
        }
        before.assertNoNewThreads(Duration.ofSeconds(5));
        assertEquals(List.of(), before.startedSince());
    }

    @Test
    void aThreadThatEndsIsNoLeakAndDoesNotHideANewOne() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread earlier = new Thread(() -> awaitQuietly(release), "earlier-test-thread");
        earlier.start();
        ThreadSnapshot before = ThreadSnapshot.take();
        assertTrue(before.contains(earlier));
        release.countDown();
        earlier.join();
        before.assertNoNewThreads(Duration.ofSeconds(1));
        // One ended and one started: the same count, still a leak.
        CountDownLatch second = new CountDownLatch(1);
        Thread replacement = new Thread(() -> awaitQuietly(second), "earlier-test-thread");
        replacement.start();
        try {
            assertEquals(List.of(replacement), before.startedSince());
        } finally {
            second.countDown();
            replacement.join();
        }
        before.assertNoNewThreads(Duration.ofSeconds(1));
    }

    @Test
    void processReapersAreNotReported() throws Exception {
        ThreadSnapshot before = ThreadSnapshot.take();
        CountDownLatch release = new CountDownLatch(1);
        Thread reaper = new Thread(() -> awaitQuietly(release), ThreadSnapshot.PROCESS_REAPER);
        reaper.start();
        try {
            before.assertNoNewThreads(Duration.ofSeconds(1));
        } finally {
            release.countDown();
            reaper.join();
        }
    }

    @Test
    void ampJavasTimerThreadIsNotReported() throws Exception {
        ThreadSnapshot before = ThreadSnapshot.take();
        CountDownLatch release = new CountDownLatch(1);
        Thread timer = new Thread(() -> awaitQuietly(release), ThreadSnapshot.AMP_TIMER);
        timer.start();
        try {
            before.assertNoNewThreads(Duration.ofSeconds(1));
        } finally {
            release.countDown();
            timer.join();
        }
    }

    @Test
    void theJdksSystemThreadsAreNotReported() throws Exception {
        ThreadSnapshot before = ThreadSnapshot.take();
        // A new Cleaner starts its own "Cleaner-N" daemon in the JDK's system thread group, for good.
        java.lang.ref.Cleaner.create().register(new Object(), () -> { });
        // The first orTimeout starts CompletableFuture's delay scheduler; a timeout runs in the common pool.
        java.util.concurrent.CompletableFuture.delayedExecutor(1, java.util.concurrent.TimeUnit.MILLISECONDS)
                .execute(() -> { });
        before.assertNoNewThreads(Duration.ofSeconds(1));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
