package io.ampjava.dispatch;

import io.ampjava.internal.concurrent.SharedTimer;
import io.ampjava.wire.ProtocolException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The limits of one connection ({@link ConnectionOptions}) that need counting while it runs: calls
 * refused at the outstanding-calls or queued-bytes limit, the reader paused while the peer cannot
 * take our answers, too many of its requests are in progress or the shared {@link MemoryBudget} is
 * spent, and received descriptors nobody can claim any more.
 *
 * <p>The reader checks after each request it dispatches, and stops parsing the rest of its buffer
 * at a limit; then, before parsing or reading on, it waits on a monitor ({@link #awaitChange});
 * whatever lowers a count wakes it, and it looks again every {@link #RECHECK_MILLIS} anyway (a cheap
 * guard against a missed wake-up, what notices the calls this side makes while requests are in
 * progress, and what sees a budget regain room).
 */
final class ConnectionLimits {
    static final long RECHECK_MILLIS = 50;

    private final int maxOutstandingCalls;
    private final long maxQueuedBytes;
    private final int maxRequestsInProgress;
    private final int maxPendingDescriptors;
    private long decoderBytes; // reader thread only: bytes of a box the decoder holds
    private final Duration callTimeout;
    private final OutboundQueue outbound;
    private final PendingCalls<?> pending;
    private final DescriptorExchange descriptors;
    private final MemoryBudget budget;
    private final AtomicInteger requestsInProgress = new AtomicInteger();
    private final AtomicInteger requestsQueued = new AtomicInteger(); // waiting for the responder executor
    private final Object gate = new Object();
    private volatile boolean readerWaiting;
    // What this connection holds of the budget besides its outbound queue (which counts itself):
    // the box being read, and the requests answered later. Guarded by "this".
    private long decoderCharge;
    private long requestCharge;
    private boolean released;

    ConnectionLimits(ConnectionOptions options, OutboundQueue outbound, PendingCalls<?> pending,
            DescriptorExchange descriptors) {
        this.maxOutstandingCalls = options.maxOutstandingCalls();
        this.maxQueuedBytes = options.maxQueuedBytes();
        this.maxRequestsInProgress = options.maxRequestsInProgress();
        this.maxPendingDescriptors = options.maxPendingDescriptors();
        this.callTimeout = options.callTimeout();
        this.budget = options.memoryBudget();
        this.outbound = outbound;
        this.pending = pending;
        this.descriptors = descriptors;
    }

    /** Why a new call must be refused right now, or null. Checked before the call uses a tag. */
    CallRejectedException refuseCall(boolean wantsAnswer) {
        long queued = outbound.queuedBytes();
        if (queued >= maxQueuedBytes) {
            return new CallRejectedException(queued + " bytes already wait to be written (limit " + maxQueuedBytes
                    + "): the peer is not reading");
        }
        if (wantsAnswer) {
            int outstanding = pending.size();
            if (outstanding >= maxOutstandingCalls) {
                return new CallRejectedException(outstanding + " calls already wait for an answer (limit "
                        + maxOutstandingCalls + ", counting calls given up whose answer has not come)");
            }
        }
        return null;
    }

    /**
     * Applies the connection's call timeout, if any, to a call's future: it fails with a
     * {@link CallTimeoutException} naming {@code command}, the time waited and the connection.
     */
    <T> CompletableFuture<T> withTimeout(CompletableFuture<T> future, String command, AmpConnection connection) {
        if (callTimeout != null && !future.isDone()) {
            ScheduledFuture<?> timer = SharedTimer.schedule(() -> future.completeExceptionally(
                    new CallTimeoutException(command, callTimeout, connection.describe())),
                    callTimeout.toNanos(), TimeUnit.NANOSECONDS);
            // As orTimeout does: the timer goes once the call completes, so it keeps nothing alive.
            future.whenComplete((value, failure) -> timer.cancel(false));
        }
        return future;
    }

    void requestStarted() {
        requestsInProgress.incrementAndGet();
    }

    void requestFinished() {
        requestsInProgress.decrementAndGet();
        wakeReader();
    }

    /** The requests of the peer's that are being answered now. */
    int requestsInProgress() {
        return requestsInProgress.get();
    }

    void requestQueued() {
        requestsQueued.incrementAndGet();
    }

    void requestDequeued() {
        requestsQueued.decrementAndGet();
        wakeReader();
    }

    /** Whether this connection counts against a memory budget. */
    boolean hasBudget() {
        return budget != null;
    }

    /** Reader thread: the decoder now holds {@code bytes} of a box in progress. */
    void decoderHolds(long bytes) {
        decoderBytes = bytes;
        if (budget != null) {
            synchronized (this) {
                if (!released && bytes != decoderCharge) {
                    charge(bytes - decoderCharge);
                    decoderCharge = bytes;
                }
            }
        }
    }

    /** A request answered later holds {@code bytes} (its size on the wire) until {@link #requestReleased}. */
    void requestHeld(long bytes) {
        synchronized (this) {
            if (!released) {
                requestCharge += bytes;
                charge(bytes);
            }
        }
    }

    void requestReleased(long bytes) {
        synchronized (this) {
            if (!released) {
                requestCharge -= bytes;
                charge(-bytes);
            }
        }
    }

    /** The connection closed: gives back what it held of the budget (its outbound queue does its own). */
    void releaseBudget() {
        if (budget != null) {
            synchronized (this) {
                if (!released) {
                    released = true;
                    charge(-(decoderCharge + requestCharge));
                    decoderCharge = 0;
                    requestCharge = 0;
                }
            }
        }
    }

    private void charge(long delta) {
        if (delta > 0) {
            budget.acquire(delta);
        } else if (delta < 0) {
            budget.release(-delta);
        }
    }

    /** What this connection holds of its budget now. */
    long budgetShare() {
        long own;
        synchronized (this) {
            own = decoderCharge + requestCharge;
        }
        return own + outbound.queuedBytes();
    }

    /**
     * Waits on the reader's monitor for up to {@link #RECHECK_MILLIS}, or until a count falls; the
     * caller loops while {@link #mustPause()}.
     */
    void awaitChange() throws InterruptedException {
        synchronized (gate) {
            readerWaiting = true;
            try {
                if (mustPause()) {
                    gate.wait(RECHECK_MILLIS);
                }
            } finally {
                readerWaiting = false;
            }
        }
    }

    /**
     * Called by the reader after dispatching what it read, and before it reads again: more received
     * descriptors waiting than the limit, with no request left that could still claim them, is the
     * peer's doing. While part of a box is held, {@link OutboundQueue#DESCRIPTORS_PER_WRITE} more may
     * wait: a peer that pipelines descriptor calls (amp-java) sends a write's descriptors with its
     * first byte, ahead of the boxes that name them.
     *
     * @throws ProtocolException then (the connection closes and closes the descriptors)
     */
    void checkPendingDescriptors() {
        if (!descriptors.canReceive()) {
            return;
        }
        int waiting = descriptors.waiting();
        boolean partBox = decoderBytes > 0;
        int allowed = partBox ? maxPendingDescriptors + OutboundQueue.DESCRIPTORS_PER_WRITE : maxPendingDescriptors;
        if (waiting > allowed && requestsQueued.get() == 0) {
            throw new ProtocolException(waiting + " received descriptors wait unclaimed (limit " + maxPendingDescriptors
                    + (partBox ? ", and " + OutboundQueue.DESCRIPTORS_PER_WRITE + " more while a box is partly read" : "")
                    + ") and no request is left to claim them");
        }
    }

    /** Wakes the reader if it is paused, so it looks at the counts again. */
    void wakeReader() {
        if (readerWaiting) {
            synchronized (gate) {
                gate.notifyAll();
            }
        }
    }

    /** Whether the reader must stop taking requests now (checked after each request, and before each read). */
    boolean mustPause() {
        if (outbound.queuedBytes() >= maxQueuedBytes) {
            return true; // the peer does not take our answers: stop taking its requests
        }
        if (requestsInProgress.get() >= maxRequestsInProgress && pending.size() == 0) {
            // With calls of ours outstanding, go on reading: a responder may be waiting for one.
            return true;
        }
        if (overBudget()) {
            return true; // the budget is spent and this connection holds more than its share
        }
        // Requests still queued for the executor may claim the descriptors: wait for them.
        return requestsQueued.get() > 0 && descriptors.canReceive() && descriptors.waiting() > maxPendingDescriptors;
    }

    /**
     * Whether the shared budget is spent and this connection holds more than its fair share of it:
     * then it must not read more, and it is closed if it stays so for its budget timeout (whether
     * its reader waits for room or is blocked writing to a peer that does not read).
     */
    boolean overBudget() {
        return budget != null && budget.isSpent() && budgetShare() > MemoryBudget.FAIR_SHARE;
    }
}
