package io.ampjava.dispatch;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a call's answer on the calling thread: what every generated {@code callBlocking} does.
 *
 * <p>A failed call throws its failure itself when it is unchecked (a declared runtime exception,
 * {@link ConnectionLostException}, {@link UnhandledCommandException}...). A checked failure stays
 * wrapped in the {@link CompletionException} that {@link CompletableFuture#join} throws, so that the
 * caller rethrows the checked types it declares with {@link #throwIfCause}:
 *
 * <pre>{@code
 * static Stored store(AmpConnection connection, byte[] data) throws RefusedException {
 *     try {
 *         return BlockingCalls.await(StoreCommand.call(connection, data));
 *     } catch (CompletionException failure) {
 *         BlockingCalls.throwIfCause(failure, RefusedException.class);
 *         throw failure;
 *     }
 * }
 * }</pre>
 *
 * <p>Never wait on the connection's reader thread (in a responder, or in a callback of another call's
 * future): that thread is the one that would read the answer, so the connection refuses it with an
 * {@link IllegalStateException}.
 */
public final class BlockingCalls {
    private BlockingCalls() {}

    /**
     * Waits for {@code call} without a time limit (a closing connection fails every call it has not
     * answered) and without reacting to interrupts, and returns its result.
     *
     * @param <T> the result's type
     * @param call the call's future
     * @return its result
     * @throws RuntimeException the call's failure, when unchecked
     * @throws Error the call's failure, when an error
     * @throws CompletionException wrapping the call's failure, when checked
     */
    public static <T> T await(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException failure) {
            Throwable cause = failure.getCause();
            if (cause instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw failure;
        }
    }

    /**
     * Waits for {@code call} for at most {@code timeout}, without reacting to interrupts (an interrupt
     * is kept for the caller to see), and returns its result. When the time is up, the call is given
     * up: its future fails with a {@link CallTimeoutException}, which is thrown.
     *
     * @param <T> the result's type
     * @param call the call's future
     * @param timeout how long to wait; zero or less takes only an answer already there
     * @param command the command called, named in the timeout's message
     * @param connection the connection called on, named in the timeout's message
     * @return its result
     * @throws CallTimeoutException if no answer came within {@code timeout}
     * @throws RuntimeException the call's failure, when unchecked
     * @throws Error the call's failure, when an error
     * @throws CompletionException wrapping the call's failure, when checked
     */
    public static <T> T await(CompletableFuture<T> call, Duration timeout, Command<?, ?> command,
            AmpConnection connection) {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(connection, "connection");
        long limit = nanos(timeout);
        long start = System.nanoTime();
        boolean interrupted = false;
        try {
            while (!call.isDone()) {
                try {
                    call.get(limit - (System.nanoTime() - start), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    break; // await(call) below throws it
                } catch (TimeoutException e) {
                    // Completing it frees the call; if the answer won the race, that answer is taken.
                    call.completeExceptionally(new CallTimeoutException(command.name(), timeout, connection.describe()));
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return await(call);
    }

    /**
     * Throws the cause of {@code failure} when it is a {@code type}: for a caller that declares the
     * checked exception {@code type}.
     *
     * @param <X> the checked exception's type
     * @param failure the call's failure
     * @param type the checked exception the caller declares
     * @throws X the cause, when it is one
     */
    public static <X extends Exception> void throwIfCause(CompletionException failure, Class<X> type) throws X {
        Throwable cause = failure.getCause();
        if (type.isInstance(cause)) {
            throw type.cast(cause);
        }
    }

    private static long nanos(Duration timeout) {
        if (timeout.isNegative()) {
            return 0;
        }
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
