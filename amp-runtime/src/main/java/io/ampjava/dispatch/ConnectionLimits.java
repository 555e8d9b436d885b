package io.ampjava.dispatch;

import io.ampjava.wire.ProtocolException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The limits of one connection ({@link ConnectionOptions}) that need counting while it runs: calls
 * refused at the outstanding-calls or queued-bytes limit, the reader paused while the peer cannot
 * take our answers or too many of its requests are in progress, and received descriptors nobody
 * can claim any more.
 *
 * <p>The reader checks after each request it dispatches, and stops parsing the rest of its buffer
 * at a limit; then, before parsing or reading on, it waits on a monitor; whatever lowers a count wakes it, and it looks
 * again every {@link #RECHECK_MILLIS} anyway (a cheap guard against a missed wake-up, and what
 * notices the calls this side makes while requests are in progress).
 */
final class ConnectionLimits {
    private static final long RECHECK_MILLIS = 50;

    private final int maxOutstandingCalls;
    private final long maxQueuedBytes;
    private final int maxRequestsInProgress;
    private final int maxPendingDescriptors;
    private final Duration callTimeout;
    private final OutboundQueue outbound;
    private final PendingCalls<?> pending;
    private final DescriptorExchange descriptors;
    private final AtomicInteger requestsInProgress = new AtomicInteger();
    private final AtomicInteger requestsQueued = new AtomicInteger(); // waiting for the responder executor
    private final Object gate = new Object();
    private volatile boolean readerWaiting;

    ConnectionLimits(ConnectionOptions options, OutboundQueue outbound, PendingCalls<?> pending,
            DescriptorExchange descriptors) {
        this.maxOutstandingCalls = options.maxOutstandingCalls();
        this.maxQueuedBytes = options.maxQueuedBytes();
        this.maxRequestsInProgress = options.maxRequestsInProgress();
        this.maxPendingDescriptors = options.maxPendingDescriptors();
        this.callTimeout = options.callTimeout();
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

    /** Applies the connection's call timeout, if any, to a call's future. */
    <T> CompletableFuture<T> withTimeout(CompletableFuture<T> future) {
        if (callTimeout != null) {
            future.orTimeout(callTimeout.toNanos(), TimeUnit.NANOSECONDS);
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

    void requestQueued() {
        requestsQueued.incrementAndGet();
    }

    void requestDequeued() {
        requestsQueued.decrementAndGet();
        wakeReader();
    }

    /**
     * Called by the reader before each read: waits while the connection must not read, as long as
     * it is {@code open}; then checks the received descriptors again.
     */
    void awaitReadCapacity(BooleanSupplier open) throws InterruptedException {
        if (mustPause()) {
            synchronized (gate) {
                readerWaiting = true;
                try {
                    while (open.getAsBoolean() && mustPause()) {
                        gate.wait(RECHECK_MILLIS);
                    }
                } finally {
                    readerWaiting = false;
                }
            }
        }
        checkPendingDescriptors();
    }

    /**
     * Called by the reader after dispatching what it read: more received descriptors waiting than
     * the limit, with no request left that could still claim them, is the peer's doing.
     *
     * @throws ProtocolException then (the connection closes and closes the descriptors)
     */
    void checkPendingDescriptors() {
        if (!descriptors.canReceive()) {
            return;
        }
        int waiting = descriptors.waiting();
        if (waiting > maxPendingDescriptors && requestsQueued.get() == 0) {
            throw new ProtocolException(waiting + " received descriptors wait unclaimed (limit "
                    + maxPendingDescriptors + ") and no request is left to claim them");
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
        // Requests still queued for the executor may claim the descriptors: wait for them.
        return requestsQueued.get() > 0 && descriptors.canReceive() && descriptors.waiting() > maxPendingDescriptors;
    }
}
