package io.ampjava.dispatch;

import io.ampjava.wire.Box;
import java.util.concurrent.CompletableFuture;

/**
 * A call waiting for its answer, under its tag in the connection's {@link PendingCalls} table. The
 * reader thread completes it ({@link #answered}, {@link #failed}, {@link #refused}); a timeout or a
 * cancel from outside gives it up ({@link #givenUp}).
 */
abstract class PendingCall<T> {
    private static final System.Logger LOG = System.getLogger(AmpConnection.class.getName());

    final AmpConnection connection;
    final CompletableFuture<T> future = new CallFuture<>(this);
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

    /** An error answer with a code other than UNHANDLED. */
    abstract void failed(String code, String description);

    /**
     * What to keep of this call once given up, until its late answer; null when the call cannot be
     * given up, because its answer changes the connection (StartTLS, a protocol switch) and must be
     * acted on whoever still waits for it.
     */
    abstract PendingCalls.Abandoned abandoned();

    final void fail(Throwable failure) {
        future.completeExceptionally(failure);
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
}
