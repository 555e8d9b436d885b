package io.ampjava.dispatch;

import io.ampjava.internal.concurrent.SharedTimer;
import io.ampjava.tls.PeerVerifyException;
import io.ampjava.tls.TlsTransport;
import io.ampjava.transport.Transport;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The end of one connection: why it ended ({@link CloseReason}), the future that says so, a
 * graceful close that lets work in progress finish first, and the sequence that closes every part
 * of the connection exactly once.
 */
final class ConnectionShutdown {
    private static final System.Logger LOG = System.getLogger(AmpConnection.class.getName());
    /** How often a graceful close looks whether the work in progress has finished. */
    private static final long DRAIN_POLL_MILLIS = 10;

    private final ConnectionTransport transport;
    private final OutboundQueue outbound;
    private final PendingCalls<PendingCall<?>> pending;
    private final ConnectionLimits limits;
    private final DescriptorExchange descriptors;
    private final RequestHandler requests;
    private final ProtocolSwitching switching;
    private final ReadLoop reader;
    private final AtomicReference<CloseReason> reason = new AtomicReference<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private volatile boolean draining;
    private volatile ConnectionWatch watch;

    ConnectionShutdown(ConnectionTransport transport, OutboundQueue outbound, PendingCalls<PendingCall<?>> pending,
            ConnectionLimits limits, DescriptorExchange descriptors, RequestHandler requests, ProtocolSwitching switching,
            ReadLoop reader) {
        this.transport = transport;
        this.outbound = outbound;
        this.pending = pending;
        this.limits = limits;
        this.descriptors = descriptors;
        this.requests = requests;
        this.switching = switching;
        this.reader = reader;
    }

    void watchedBy(ConnectionWatch watching) {
        this.watch = watching;
    }

    boolean isOpen() {
        return reason.get() == null;
    }

    /** Whether new calls may start: open, and not closing gracefully. */
    boolean acceptsCalls() {
        return !draining && reason.get() == null;
    }

    CloseReason reason() {
        return reason.get();
    }

    CompletableFuture<CloseReason> future() {
        return closed;
    }

    /**
     * Refuses new calls, waits until every call of ours has its answer, every request of the peer's
     * is answered and everything queued is written, or until {@code timeout}; then closes in order.
     */
    CompletableFuture<CloseReason> closeGracefully(Duration timeout) {
        draining = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        ScheduledFuture<?>[] poll = new ScheduledFuture<?>[1];
        Runnable check = () -> {
            boolean idle = pending.size() == 0 && limits.requestsInProgress() == 0 && outbound.queuedBytes() == 0;
            if (idle || !isOpen() || System.nanoTime() - deadline >= 0) {
                close(CloseReason.Kind.CLOSED_HERE, new IOException(transport.describe() + ": closed by this side"
                        + (idle ? "" : " (" + timeout.toMillis() + " ms passed with work still in progress)")), true);
                synchronized (poll) {
                    if (poll[0] != null) {
                        poll[0].cancel(false);
                    }
                }
            }
        };
        synchronized (poll) {
            poll[0] = SharedTimer.scheduleWithFixedDelay(check, 0, DRAIN_POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
        return closed;
    }

    /** Fails the connection: a protocol violation, an I/O error, a timeout. */
    void fail(Throwable cause) {
        close(CloseReason.Kind.FAILED, cause, false);
    }

    /**
     * Closes once, for {@code kind}; {@code orderly} ends the output stream first (and says TLS's
     * {@code close_notify}), so the peer reads everything written and sees a clean end. Every step
     * runs even when an earlier one fails, an {@link Error} included: an {@link OutOfMemoryError}
     * must not leave the transport open or the close future incomplete.
     */
    void close(CloseReason.Kind kind, Throwable cause, boolean orderly) {
        CloseReason why = new CloseReason(kind, cause);
        if (!reason.compareAndSet(null, why)) {
            return;
        }
        Transport current = transport.get();
        List<PendingCall<?>> calls = List.of();
        try {
            if (reader.isBatchingHere()) {
                // Boxes queued earlier in this read would have been written already without batching.
                outbound.flush();
            }
            // TLS says goodbye (close_notify) when that cannot block: nothing is being written.
            if (orderly || (current instanceof TlsTransport && outbound.queuedBytes() == 0)) {
                current.shutdownOutput();
            }
        } catch (Throwable ignored) {
            // closing anyway
        }
        try {
            calls = pending.closeAndDrain();
        } catch (Throwable ignored) {
            // the table refuses new calls already; the drained ones are failed below when we have them
        }
        quietly(outbound::close);
        quietly(limits::wakeReader); // if it fails, the reader looks again within its recheck interval
        try {
            current.close();
        } catch (Throwable failure) {
            debug(() -> "closing " + current.describe(), failure);
        }
        quietly(descriptors::close);
        // Nothing that outlives the connection (a timer, a responder's stage) may keep it reachable.
        ConnectionWatch watching = watch;
        if (watching != null) {
            quietly(watching::stop);
        }
        quietly(requests::connectionClosed);
        quietly(limits::releaseBudget);
        try {
            for (PendingCall<?> call : calls) {
                call.taken = true;
                // A refused TLS handshake is what the calls need to hear about (Twisted's PeerVerifyError).
                call.fail(cause instanceof PeerVerifyException ? cause : lost());
            }
            switching.connectionLost(cause);
        } catch (Throwable ignored) {
            // a callback of a call's future failed: the others were failed before it
        } finally {
            closed.complete(why);
        }
    }

    /** What a call fails with when the connection is gone, or going. */
    ConnectionLostException lost() {
        CloseReason why = reason.get();
        if (why == null) {
            return new ConnectionLostException("connection " + transport.describe()
                    + (draining ? " is closing: it takes no new calls" : " is closing after a closing answer"), null);
        }
        return new ConnectionLostException("connection " + transport.describe() + " lost: " + why.cause().getMessage(),
                why.cause());
    }

    private static void quietly(Runnable step) {
        try {
            step.run();
        } catch (Throwable ignored) {
            // closing anyway
        }
    }

    private static void debug(Supplier<String> message, Throwable failure) {
        try {
            LOG.log(System.Logger.Level.DEBUG, message, failure);
        } catch (Throwable ignored) {
            // logging must not stop a close
        }
    }
}
