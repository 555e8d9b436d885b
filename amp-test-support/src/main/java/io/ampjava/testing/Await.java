package io.ampjava.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Waiting in tests, with one default bound ({@link #TIMEOUT}): for a future's result, for its
 * failure, or for a condition to come true. A failure says what was awaited: the place in the test
 * that awaited it (class, method, file and line), and for a condition its description.
 *
 * <pre>{@code
 * assertEquals(3L, Await.result(connection.callRemote(SUM, new Operands(1, 2))));
 * assertInstanceOf(ConnectionLostException.class, Await.failure(call, Duration.ofSeconds(1)));
 * Await.condition("two connections", () -> server.connections().size() == 2);
 * }</pre>
 *
 * <p>Nothing here throws a checked exception: an interrupt or a timeout fails the test (the
 * thread's interrupt status is kept), a future that fails where a result was awaited fails it with
 * the cause attached.
 */
public final class Await {
    /**
     * How long a test waits for something that should happen at once, unless it says otherwise:
     * generous, because a loaded two-core CI machine can stall a thread for seconds, and still
     * shorter than the {@code @Timeout} of the test classes, so that the failure says what was
     * awaited. A test that means a bound (such as "within a second") passes it.
     */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final long POLL_MILLIS = 5;

    private Await() {}

    /** The result of {@code future}, within {@link #TIMEOUT}; fails the test if it fails or does not complete. */
    public static <T> T result(Future<T> future) {
        return result(future, TIMEOUT);
    }

    /** The result of {@code future}, within {@code within}; fails the test if it fails or does not complete. */
    public static <T> T result(Future<T> future, Duration within) {
        try {
            return get(future, within);
        } catch (ExecutionException e) {
            return fail(awaitedAt() + " failed: " + e.getCause(), e.getCause());
        }
    }

    /**
     * The exception {@code future} fails with (the cause, unwrapped), within {@link #TIMEOUT};
     * fails the test if it completes normally or not at all.
     */
    public static Throwable failure(Future<?> future) {
        return failure(future, TIMEOUT);
    }

    /**
     * The exception {@code future} fails with (the cause, unwrapped), within {@code within}; fails
     * the test if it completes normally or not at all.
     */
    public static Throwable failure(Future<?> future, Duration within) {
        try {
            Object result = get(future, within);
            return fail(awaitedAt() + " completed with " + result + " where a failure was expected");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /**
     * Waits up to {@link #TIMEOUT} for {@code future} to complete either way, for a test where
     * both are right: its failure (the cause, unwrapped), or empty if it completed normally. Fails
     * the test if it does not complete.
     */
    public static Optional<Throwable> failureIfAny(Future<?> future) {
        try {
            get(future, TIMEOUT);
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(e.getCause());
        }
    }

    /** Waits up to {@link #TIMEOUT} for {@code condition}; fails the test naming {@code what} if it never holds. */
    public static void condition(String what, BooleanSupplier condition) {
        condition(what, condition, TIMEOUT);
    }

    /** Waits up to {@code within} for {@code condition}; fails the test naming {@code what} if it never holds. */
    public static void condition(String what, BooleanSupplier condition, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                fail(what + " did not come true within " + describe(within) + " (awaited at " + callSite() + ")");
            }
            sleep(POLL_MILLIS, what);
        }
    }

    private static <T> T get(Future<T> future, Duration within) throws ExecutionException {
        try {
            return future.get(within.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return fail(awaitedAt() + " did not complete within " + describe(within));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for " + awaitedAt(), e);
        }
    }

    private static void sleep(long millis, String what) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for " + what, e);
        }
    }

    private static String awaitedAt() {
        return "the future awaited at " + callSite();
    }

    /** The first frame outside this class: the test's line that awaits (looked up on failure only). */
    private static String callSite() {
        return StackWalker.getInstance()
                .walk(frames -> frames.filter(frame -> !frame.getClassName().equals(Await.class.getName())).findFirst())
                .map(StackWalker.StackFrame::toStackTraceElement)
                .map(StackTraceElement::toString)
                .orElse("an unknown place");
    }

    /** {@code within} as "10 s" or "300 ms". */
    static String describe(Duration within) {
        return within.toMillis() % 1000 == 0 ? within.toSeconds() + " s" : within.toMillis() + " ms";
    }
}
