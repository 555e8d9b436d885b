package io.ampjava.dispatch;

import io.ampjava.internal.concurrent.SharedTimer;
import io.ampjava.tls.OnlyOneTlsException;
import io.ampjava.tls.PeerVerifyException;
import io.ampjava.tls.TlsOptions;
import io.ampjava.tls.TlsTransport;
import io.ampjava.transport.Transport;
import io.ampjava.wire.AmpKeys;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxEncoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/**
 * One connection's StartTLS (Twisted's {@code StartTLS} command), from either side: asking
 * ({@link #start}), being asked ({@link #requested}), and the switch itself, which the reader thread
 * runs after the box that settled it ({@link #beginIfSettled}) so that TLS starts exactly at the
 * next byte.
 *
 * <p>Once asked or asking, every box sent is held back in the outbound queue until the answer; on
 * success they go through TLS, on a refusal in the clear.
 */
final class StartTlsNegotiation {
    static final byte[] COMMAND = StartTlsResponder.COMMAND.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ERROR_CODE = StartTlsResponder.ERROR_CODE.getBytes(StandardCharsets.US_ASCII);

    /** Where StartTLS stands; changed under the outbound queue's lock. */
    private enum Phase { NONE, REQUESTED, STARTED }

    /** TLS to start once the current box is parsed, with the bytes after it. */
    private record Settled(SSLEngine engine, Duration timeout, TlsCall call) {}

    private final AmpConnection connection;
    private final ConnectionTransport transport;
    private final OutboundQueue outbound;
    private final ProtocolSwitching switching;
    private final ResponderLocator locator;
    private Phase phase;
    private Settled settled; // reader thread only

    StartTlsNegotiation(AmpConnection connection, ConnectionTransport transport, OutboundQueue outbound,
            ProtocolSwitching switching, ResponderLocator locator) {
        this.connection = connection;
        this.transport = transport;
        this.outbound = outbound;
        this.switching = switching;
        this.locator = locator;
        this.phase = transport.get() instanceof TlsTransport ? Phase.STARTED : Phase.NONE;
    }

    /** Asks the peer to start TLS; see {@link AmpConnection#startTls}. */
    CompletableFuture<Void> start(TlsOptions options) {
        if (!connection.acceptsCalls()) {
            return CompletableFuture.failedFuture(connection.lost());
        }
        if (outbound.isLocked()) {
            return CompletableFuture.failedFuture(switching.refusal());
        }
        SSLEngine engine;
        try {
            engine = engine(options);
        } catch (SSLException | RuntimeException unfit) {
            return CompletableFuture.failedFuture(unfit);
        }
        TlsCall call = new TlsCall(engine, options.handshakeTimeout());
        synchronized (outbound) {
            if (phase != Phase.NONE) {
                return CompletableFuture.failedFuture(new OnlyOneTlsException(connection.describe()
                        + (phase == Phase.STARTED ? " runs TLS already" : " is starting TLS already")));
            }
            if (outbound.isLocked()) {
                return CompletableFuture.failedFuture(switching.refusal());
            }
            if (connection.send(COMMAND, new Box(2), call)) {
                outbound.hold();
                phase = Phase.REQUESTED;
            }
        }
        outbound.flush();
        return call;
    }

    /** The TLS session, once TLS runs. */
    Optional<SSLSession> session() {
        Transport current = transport.get();
        return current instanceof TlsTransport ? Optional.of(((TlsTransport) current).session()) : Optional.empty();
    }

    /**
     * On the reader thread: the peer asked for TLS. Answer, hold everything after the answer back,
     * and have the reader start TLS with the bytes after the request. Without a
     * {@link StartTlsResponder}, or when TLS cannot start here, answer {@code TLS_ERROR} and stay in
     * the clear.
     */
    void requested(byte[] ask) {
        if (ask == null) {
            return; // Twisted starts TLS as it sends the answer: no answer, no TLS
        }
        Responder responder = locator.locate(StartTlsResponder.COMMAND);
        String refusal = null;
        SSLEngine engine = null;
        Duration timeout = null;
        if (!(responder instanceof StartTlsResponder)) {
            refusal = "TLS not available";
        } else {
            try {
                TlsOptions options = ((StartTlsResponder) responder).options();
                engine = engine(options);
                timeout = options.handshakeTimeout();
            } catch (SSLException | RuntimeException unfit) {
                refusal = "TLS not available: " + unfit.getMessage();
            }
        }
        synchronized (outbound) {
            if (refusal == null && phase != Phase.NONE) {
                refusal = phase == Phase.STARTED ? "TLS already started" : "TLS negotiation already in progress";
            }
            if (refusal != null) {
                // Ahead of a hold: when our own StartTLS crossed this one, the peer holds its boxes
                // back until it hears from us, and we hold ours until it answers.
                byte[] description = refusal.getBytes(StandardCharsets.UTF_8);
                outbound.enqueueAhead(BoxEncoder.encode(RequestHandler.errorBox(ask, ERROR_CODE, description)));
            } else {
                Box answer = new Box(1);
                answer.put(AmpKeys.ANSWER_KEY, ask);
                if (!outbound.enqueue(BoxEncoder.encode(answer), false)) {
                    return; // switched or closing: the answer is dropped, as every answer then
                }
                outbound.hold();
                phase = Phase.STARTED;
                settled = new Settled(engine, timeout, null);
            }
        }
        outbound.flush();
    }

    /** Reader thread only: whether the box just read settled a StartTLS, so the bytes after it are TLS's. */
    boolean isSettled() {
        return settled != null;
    }

    /**
     * Reader thread only, after the boxes of a read were dispatched: if one of them settled a
     * StartTLS, runs the handshake starting with {@code alreadyRead}'s remaining bytes and returns true.
     */
    boolean beginIfSettled(ByteBuffer alreadyRead) {
        Settled start = settled;
        if (start == null) {
            return false;
        }
        settled = null;
        begin(start, alreadyRead);
        return true;
    }

    /**
     * Once the queue has written the StartTLS answer, runs the handshake over the transport, starting
     * with the bytes read past the answer, then lets the held boxes go through TLS.
     */
    private void begin(Settled start, ByteBuffer alreadyRead) {
        AtomicBoolean finished = new AtomicBoolean();
        // A peer that answered and then never speaks TLS would hold the reader forever. The timer is
        // cancelled once the handshake ends, so it does not keep the connection reachable after that.
        ScheduledFuture<?> timer = start.timeout().isZero() ? null : SharedTimer.schedule(() -> {
            if (finished.compareAndSet(false, true)) {
                connection.shutdown(new PeerVerifyException(connection.describe()
                        + ": the TLS handshake did not finish within " + start.timeout().toMillis() + " ms"));
            }
        }, start.timeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            handshake(start, alreadyRead, finished);
        } finally {
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }

    private void handshake(Settled start, ByteBuffer alreadyRead, AtomicBoolean finished) {
        try {
            outbound.awaitWritten();
            TlsTransport tls = TlsTransport.start(transport.get(), start.engine(), alreadyRead);
            tls.handshake();
            if (!finished.compareAndSet(false, true)) {
                throw new IOException("the handshake finished too late");
            }
            transport.replace(tls);
            outbound.release();
        } catch (Throwable failure) {
            // An Error too: the caller's future and the held boxes must not wait for ever.
            finished.set(true);
            Throwable closed = connection.closeCause();
            PeerVerifyException refused = closed instanceof PeerVerifyException
                    ? (PeerVerifyException) closed // the timeout's, which closed the transport under us
                    : failure instanceof PeerVerifyException
                    ? (PeerVerifyException) failure
                    : new PeerVerifyException(connection.describe() + ": TLS could not start: " + failure.getMessage(),
                            failure);
            if (start.call() != null) {
                start.call().fail(refused);
            }
            connection.shutdown(refused);
            return;
        }
        if (start.call() != null) {
            start.call().complete(null);
        }
    }

    private SSLEngine engine(TlsOptions options) throws SSLException {
        Transport current = transport.get();
        return options.createEngine(options.roleOn(current));
    }

    /** A {@link #start} call: on the answer TLS starts; on an error the held boxes go in the clear. */
    private final class TlsCall extends PendingCall<Void> {
        private final SSLEngine engine;
        private final Duration timeout;

        TlsCall(SSLEngine engine, Duration timeout) {
            super(StartTlsNegotiation.this.connection);
            this.engine = engine;
            this.timeout = timeout;
        }

        @Override
        void answered(Box answer) {
            settled = new Settled(engine, timeout, this); // on the reader thread, which starts TLS after this box
        }

        @Override
        PendingCalls.Abandoned abandoned() {
            return null; // the peer starts TLS on its answer: so must this side, cancelled or not
        }

        @Override
        void failed(String code, String description) {
            refused(new RemoteAmpException(code, description));
        }

        @Override
        void refused(Throwable failure) {
            synchronized (outbound) {
                phase = Phase.NONE;
            }
            outbound.release();
            fail(failure);
        }
    }
}
