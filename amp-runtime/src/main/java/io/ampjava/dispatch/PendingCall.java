package io.ampjava.dispatch;

import io.ampjava.wire.Box;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A call waiting for its answer, under its tag in the connection's {@link PendingCalls} table. The
 * reader thread completes it ({@link #answered}, {@link #failed}, {@link #refused}); a timeout or a
 * cancel from outside gives it up ({@link #givenUp}).
 */
abstract class PendingCall<T> extends CompletableFuture<T> {
    private static final System.Logger LOG = System.getLogger(AmpConnection.class.getName());

    final AmpConnection connection;
    /** Its tag, once registered; 0 before. */
    long tag;
    /**
     * Set just before the connection completes the future (answer, error, loss): the call has left
     * the table. A completion without it came from outside (a timeout, a cancel), and gives the call
     * up.
     */
    boolean taken;

    PendingCall(AmpConnection connection) {
        this.connection = connection;
    }

    abstract void answered(Box answer);

    /** Whether the answer box is handed on (as the raw call's result): otherwise it is decoded and forgotten. */
    boolean keepsAnswer() {
        return false;
    }

    /** An error answer with a code other than UNHANDLED. */
    abstract void failed(String code, String description);

    /**
     * What to keep of this call once given up, until its late answer; null when the call cannot be
     * given up, because its answer changes the connection (StartTLS, a protocol switch) and must be
     * acted on whoever still waits for it.
     */
    abstract PendingCalls.Abandoned abandoned();

    final void fail(Throwable failure) {
        completeExceptionally(failure);
    }

    /** The future was completed from outside: free the call, keep only a marker under its tag. */
    final void givenUp() {
        PendingCalls.Abandoned marker = taken || tag == 0 ? null : abandoned();
        if (marker != null && connection.pendingCalls().abandon(tag, this, marker)) {
            LOG.log(System.Logger.Level.DEBUG, () -> "call " + tag + " on " + connection.describe() + " given up");
        }
    }

    /** The peer refused the call: UNHANDLED, or an error code through {@link #failed}. */
    void refused(Throwable failure) {
        fail(failure);
    }

    // The call is its own future: one object per call. Any completion from outside (a timeout
    // through orTimeout or completeOnTimeout, a cancel) gives the call up and frees it; the
    // connection marks its own completions first (taken). Waiting for it on the connection's reader
    // thread can only end in a deadlock (the answer would be read by the very thread that waits), so
    // that fails at once instead.

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
            givenUp();
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
        if (!isDone() && connection.isReaderThread()) {
            throw new IllegalStateException("waiting for a call on " + connection.describe()
                    + " from its reader thread would deadlock: only that thread reads the answer."
                    + " Chain with thenApply/thenCompose instead (see docs/threading.md)");
        }
    }
}
