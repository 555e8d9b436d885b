package io.ampjava.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

@Timeout(20)
class AwaitTest {
    private static final Duration SHORT = Duration.ofMillis(50);

    @Test
    void aResultIsReturned() {
        assertEquals("done", Await.result(CompletableFuture.completedFuture("done")));
        assertEquals(7, Await.result(CompletableFuture.supplyAsync(() -> 7), SHORT.multipliedBy(100)));
    }

    @Test
    void aFailedFutureFailsTheTestWithItsCauseAndWhereItWasAwaited() {
        IllegalStateException cause = new IllegalStateException("refused");
        AssertionFailedError failed = assertThrows(AssertionFailedError.class,
                () -> Await.result(CompletableFuture.failedFuture(cause)));
        assertSame(cause, failed.getCause());
        assertTrue(failed.getMessage().startsWith("the future awaited at io.ampjava.testing.AwaitTest."), failed.getMessage());
        assertTrue(failed.getMessage().contains("(AwaitTest.java:"), failed.getMessage());
        assertTrue(failed.getMessage().endsWith(" failed: " + cause), failed.getMessage());
    }

    @Test
    void aFutureThatDoesNotCompleteFailsAfterTheBoundSayingWhereItWasAwaited() {
        AssertionFailedError late = assertThrows(AssertionFailedError.class,
                () -> Await.result(new CompletableFuture<>(), SHORT));
        assertTrue(late.getMessage().contains("(AwaitTest.java:"), late.getMessage());
        assertTrue(late.getMessage().endsWith(" did not complete within 50 ms"), late.getMessage());
        AssertionFailedError noFailure = assertThrows(AssertionFailedError.class,
                () -> Await.failure(new CompletableFuture<>(), SHORT));
        assertTrue(noFailure.getMessage().endsWith(" did not complete within 50 ms"), noFailure.getMessage());
    }

    @Test
    void aFailureIsReturnedUnwrapped() {
        IllegalStateException cause = new IllegalStateException("refused");
        assertSame(cause, Await.failure(CompletableFuture.failedFuture(cause)));
        CompletableFuture<Object> later = new CompletableFuture<>();
        later.completeExceptionally(cause);
        assertSame(cause, Await.failure(later, SHORT));
    }

    @Test
    void aResultWhereAFailureWasExpectedFailsTheTest() {
        AssertionFailedError answered = assertThrows(AssertionFailedError.class,
                () -> Await.failure(CompletableFuture.completedFuture(42)));
        assertTrue(answered.getMessage().endsWith(" completed with 42 where a failure was expected"), answered.getMessage());
    }

    @Test
    void eitherOutcomeIsReturnedWhereBothAreRight() {
        IllegalStateException cause = new IllegalStateException("refused");
        assertEquals(Optional.of(cause), Await.failureIfAny(CompletableFuture.failedFuture(cause)));
        assertEquals(Optional.empty(), Await.failureIfAny(CompletableFuture.completedFuture("fine")));
    }

    @Test
    void aConditionIsAwaited() {
        AtomicBoolean set = new AtomicBoolean();
        CompletableFuture.runAsync(() -> set.set(true), CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
        Await.condition("the flag is set", set::get);
        assertTrue(set.get());
    }

    @Test
    void aConditionThatNeverHoldsFailsWithItsDescription() {
        AssertionFailedError never = assertThrows(AssertionFailedError.class,
                () -> Await.condition("the impossible", () -> false, SHORT));
        assertTrue(never.getMessage().startsWith(
                "the impossible did not come true within 50 ms (awaited at io.ampjava.testing.AwaitTest."), never.getMessage());
    }

    @Test
    void anInterruptFailsTheWaitAndKeepsTheInterruptStatus() {
        Thread.currentThread().interrupt();
        try {
            AssertionFailedError interrupted = assertThrows(AssertionFailedError.class,
                    () -> Await.result(new CompletableFuture<>()));
            assertTrue(interrupted.getMessage().startsWith("interrupted while waiting for the future awaited at"),
                    interrupted.getMessage());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
