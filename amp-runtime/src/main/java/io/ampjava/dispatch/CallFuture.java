package io.ampjava.dispatch;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The future of a call. Any completion from outside (a timeout through {@code orTimeout} or
 * {@code completeOnTimeout}, a cancel) gives the call up and frees it; the connection marks its own
 * completions first ({@link PendingCall#taken}). Waiting for it on the connection's reader thread
 * can only end in a deadlock (the answer would be read by the very thread that waits), so that
 * fails at once instead.
 */
final class CallFuture<T> extends CompletableFuture<T> {
    private final PendingCall<T> call;

    CallFuture(PendingCall<T> call) {
        this.call = call;
    }

    @Override
    public boolean complete(T value) {
        return givenUpIf(super.complete(value));
    }

    @Override
    public boolean completeExceptionally(Throwable failure) {
        return givenUpIf(super.completeExceptionally(failure));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return givenUpIf(super.cancel(mayInterruptIfRunning));
    }

    /** A completion that took effect frees the call (the connection's own completions are marked taken). */
    private boolean givenUpIf(boolean completed) {
        if (completed) {
            call.givenUp();
        }
        return completed;
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        refuseReaderThread();
        return super.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        refuseReaderThread();
        return super.get(timeout, unit);
    }

    @Override
    public T join() {
        refuseReaderThread();
        return super.join();
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>(); // dependent stages are plain futures
    }

    private void refuseReaderThread() {
        if (!isDone() && call.connection.isReaderThread()) {
            throw new IllegalStateException("waiting for a call on " + call.connection.describe()
                    + " from its reader thread would deadlock: only that thread reads the answer."
                    + " Chain with thenApply/thenCompose instead (see docs/threading.md)");
        }
    }
}
