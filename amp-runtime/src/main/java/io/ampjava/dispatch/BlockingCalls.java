package io.ampjava.dispatch;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
     * Throws the cause of {@code failure} when it is a {@code type}: for a caller that declares the
     * checked exception {@code type}.
     */
    public static <X extends Exception> void throwIfCause(CompletionException failure, Class<X> type) throws X {
        Throwable cause = failure.getCause();
        if (type.isInstance(cause)) {
            throw type.cast(cause);
        }
    }
}
