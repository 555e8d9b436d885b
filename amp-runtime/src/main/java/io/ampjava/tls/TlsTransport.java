package io.ampjava.tls;

import io.ampjava.internal.posix.NativePosix;
import io.ampjava.transport.Transport;
import io.ampjava.transport.TransportRole;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/**
 * TLS over another {@link Transport}, with the JDK's {@link SSLEngine}: what it writes is
 * encrypted onto the underlying transport, what it reads is decrypted from it.
 *
 * <p>An {@code AmpConnection} makes one when StartTLS succeeds, starting it with the bytes it had
 * already read past the StartTLS answer, and runs the handshake on its reader thread
 * ({@link #handshake()}) before any box goes through it. It also works on its own, for a connection
 * that speaks TLS from its first byte: {@code AmpConnection.open(TlsTransport.over(tcp, options), locator)};
 * the first read or write then drives the handshake.
 *
 * <p>Threads: one reader and one writer at a time, as for every transport; they may run at once.
 * Whichever needs the handshake to progress makes it progress: a writer that needs the peer's
 * handshake data reads it itself when nobody is reading, or waits for the reader. A handshake that
 * fails, or a peer that closes the connection during the handshake or right after it without sending
 * any data (the way a TLS 1.3 server refuses a client certificate), ends in
 * {@link PeerVerifyException}.
 *
 * <p>It carries no file descriptors: {@link #canPassDescriptors()} is false. Over a Unix socket, a
 * descriptor the peer sends anyway rides on TLS records, where it means nothing; it is closed at
 * once, and the box that names it finds no descriptor to claim.
 */
public final class TlsTransport implements Transport {
    private static final ByteBuffer[] NOTHING = {ByteBuffer.allocate(0)};
    private static final ByteBuffer NO_ROOM = ByteBuffer.allocate(0).asReadOnlyBuffer();
    /** Records combined into one write of the underlying transport, at most. */
    private static final int RECORDS_PER_WRITE = 4;
    /** How long a writer that finds the engine closed waits for the reader to say why. */
    private static final long CLOSE_REASON_WAIT_MILLIS = 200;
    /** A writer waiting for the reader's handshake progress looks again this often (lost wake-ups). */
    private static final long PROGRESS_POLL_MILLIS = 20;
    /** A descriptor that came with TLS records: nothing can claim it, so it is closed at once. */
    private static final IntConsumer CLOSE_DESCRIPTOR = fd -> NativePosix.posix().close(fd);

    private final Transport raw;
    private final SSLEngine engine;
    // The inbound side: reads of the raw transport, unwrap, and these buffers (write mode).
    private final ReentrantLock inbound = new ReentrantLock();
    private ByteBuffer netIn; // read from the raw transport, not yet unwrapped
    private ByteBuffer appIn; // unwrapped, not yet returned by read
    private boolean inboundDone;
    private boolean dataReceived; // any application byte yet: the peer accepted us (Twisted's _justStartedTLS)
    // Why an unwrap failed (a refused certificate, say), for a writer that finds the engine closed by it.
    private volatile IOException inboundFailure;
    // The outbound side: wrap, writes of the raw transport, and this buffer.
    private final ReentrantLock outbound = new ReentrantLock();
    private ByteBuffer netOut;
    private final Object progress = new Object(); // writers waiting for the reader's unwraps
    private volatile boolean handshakeDone;

    private TlsTransport(Transport raw, SSLEngine engine, ByteBuffer alreadyRead) throws SSLException {
        this.raw = Objects.requireNonNull(raw, "raw");
        this.engine = Objects.requireNonNull(engine, "engine");
        SSLSession session = engine.getSession();
        int packet = session.getPacketBufferSize();
        this.netIn = ByteBuffer.allocate(Math.max(packet, alreadyRead.remaining()));
        this.netIn.put(alreadyRead);
        this.appIn = ByteBuffer.allocate(session.getApplicationBufferSize());
        this.netOut = ByteBuffer.allocate(packet * RECORDS_PER_WRITE);
        engine.beginHandshake();
    }

    /**
     * TLS over {@code raw} with {@code engine} (already in client or server mode), starting with
     * the remaining bytes of {@code alreadyRead}: bytes the caller read from {@code raw} that belong
     * to the TLS stream. Consumes them; the caller keeps the buffer.
     *
     * @param raw the transport TLS runs over
     * @param engine the engine, in client or server mode
     * @param alreadyRead bytes read from {@code raw} that belong to TLS
     * @return the TLS transport
     * @throws SSLException when the engine cannot start
     */
    public static TlsTransport start(Transport raw, SSLEngine engine, ByteBuffer alreadyRead) throws SSLException {
        return new TlsTransport(raw, engine, alreadyRead);
    }

    /**
     * TLS from the first byte over {@code raw}, configured by {@code options}; the role follows
     * {@link TlsOptions#roleOn}.
     *
     * @param raw the transport TLS runs over
     * @param options the TLS identity, trust and checks
     * @return the TLS transport
     * @throws SSLException when the options do not fit or the engine cannot start
     */
    public static TlsTransport over(Transport raw, TlsOptions options) throws SSLException {
        return new TlsTransport(raw, options.createEngine(options.roleOn(raw)), ByteBuffer.allocate(0));
    }

    /**
     * Runs the handshake to its end, reading and writing the underlying transport; returns at once
     * when it is done already. Call it before the first {@link #write} to learn about a refused
     * certificate here rather than on a later read.
     *
     * @throws PeerVerifyException when the handshake fails, the peer closes the connection during
     *     it, or the underlying transport fails meanwhile
     */
    public void handshake() throws PeerVerifyException {
        try {
            while (!handshakeDone) {
                HandshakeStatus status = engine.getHandshakeStatus();
                switch (status) {
                    case NEED_TASK:
                        runTasks();
                        break;
                    case NEED_WRAP:
                        wrapAndWrite(NOTHING);
                        break;
                    case NEED_UNWRAP:
                    case NEED_UNWRAP_AGAIN:
                        inbound.lock();
                        try {
                            unwrapOnce();
                        } finally {
                            inbound.unlock();
                        }
                        break;
                    default: // NOT_HANDSHAKING or FINISHED: done
                        handshakeDone = true;
                }
            }
        } catch (PeerVerifyException refused) {
            throw refused;
        } catch (IOException | RuntimeException broken) {
            throw new PeerVerifyException(raw.describe() + ": the TLS handshake failed: " + broken.getMessage(), broken);
        }
    }

    /** {@return the TLS session: the negotiated protocol and cipher suite, the peer's certificates once known} */
    public SSLSession session() {
        return engine.getSession();
    }

    /** {@return whether the handshake has completed} */
    public boolean isHandshakeDone() {
        return handshakeDone;
    }

    /**
     * Asks the transport under TLS without letting it read (its bytes would be TLS records): a Unix
     * socket can tell a hang-up that way, TCP cannot.
     */
    @Override
    public int pollWhilePaused(ByteBuffer dst, IntConsumer descriptors) throws IOException {
        return raw.pollWhilePaused(NO_ROOM, CLOSE_DESCRIPTOR) < 0 ? -1 : 0;
    }

    @Override
    public int read(ByteBuffer dst, IntConsumer descriptors) throws IOException {
        if (!dst.hasRemaining()) {
            return 0;
        }
        inbound.lock();
        try {
            while (appIn.position() == 0) {
                if (inboundDone) {
                    return -1;
                }
                stepInbound();
            }
            appIn.flip();
            int count = Math.min(dst.remaining(), appIn.remaining());
            ByteBuffer chunk = appIn.duplicate();
            chunk.limit(chunk.position() + count);
            dst.put(chunk);
            appIn.position(appIn.position() + count);
            appIn.compact();
            return count;
        } finally {
            inbound.unlock();
        }
    }

    @Override
    public void write(ByteBuffer[] srcs) throws IOException {
        outbound.lock();
        try {
            while (hasRemaining(srcs)) {
                HandshakeStatus status = engine.getHandshakeStatus();
                if (status == HandshakeStatus.NEED_TASK) {
                    runTasks();
                } else if (status == HandshakeStatus.NEED_UNWRAP || status == HandshakeStatus.NEED_UNWRAP_AGAIN) {
                    awaitInboundProgress();
                } else if (wrapAndWrite(srcs).getStatus() == SSLEngineResult.Status.CLOSED) {
                    throw closedForWriting();
                }
            }
        } finally {
            outbound.unlock();
        }
        sendPendingHandshake();
    }

    /**
     * Sends what the engine wants to say (a handshake message, a session ticket) unless another
     * thread holds the outbound side: that thread calls this again after letting go, so nothing the
     * engine wants to send waits for a next write. A reader that finds the outbound side busy reads
     * on instead of waiting for it: the writer may be blocked until the peer reads, and the peer's
     * reader until we read (with both readers waiting for their writers, neither side would move).
     */
    private void sendPendingHandshake() throws IOException {
        while (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP && outbound.tryLock()) {
            try {
                if (engine.getHandshakeStatus() != HandshakeStatus.NEED_WRAP
                        || wrapAndWrite(NOTHING).bytesProduced() == 0) {
                    return;
                }
            } finally {
                outbound.unlock();
            }
        }
    }

    /**
     * Why a write finds the engine closed. The engine closes the moment an unwrap fails, before the
     * reader has said why; the reader holds the inbound lock until it has, so a short wait for that
     * lock gives the writer the real reason (the peer refused our certificate), whichever thread
     * reports the failure first.
     */
    private IOException closedForWriting() throws IOException {
        IOException failure = inboundFailure;
        if (failure == null) {
            try {
                if (inbound.tryLock(CLOSE_REASON_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    inbound.unlock();
                    failure = inboundFailure;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure instanceof PeerVerifyException refusal) {
            return new PeerVerifyException(refusal.getMessage(), refusal);
        }
        if (failure instanceof SSLException tls) {
            return new SSLException(tls.getMessage(), tls);
        }
        return new IOException(raw.describe() + ": the TLS session is closed for writing", failure);
    }

    /** Sends TLS's {@code close_notify}, then shuts down the underlying transport's output. */
    @Override
    public void shutdownOutput() throws IOException {
        outbound.lock();
        try {
            engine.closeOutbound();
            while (!engine.isOutboundDone()) {
                if (wrapAndWrite(NOTHING).bytesProduced() == 0) {
                    break;
                }
            }
        } catch (SSLException ignored) {
            // The session is broken already: nothing to say goodbye with.
        } finally {
            outbound.unlock();
        }
        raw.shutdownOutput();
    }

    /**
     * Closes the underlying transport at once, which wakes a blocked read or write. No
     * {@code close_notify}: {@link #shutdownOutput()} first for an orderly end.
     */
    @Override
    public void close() throws IOException {
        raw.close();
    }

    @Override
    public String describe() {
        return raw.describe() + " (TLS)";
    }

    @Override
    public TransportRole role() {
        return raw.role();
    }

    @Override
    public String toString() {
        return "TlsTransport[" + describe() + "]";
    }

    // ---------------------------------------------------------------------------------------------
    // Inbound: under the inbound lock

    /** One step towards plaintext or handshake progress; may block reading the underlying transport. */
    private void stepInbound() throws IOException {
        HandshakeStatus status = engine.getHandshakeStatus();
        if (status == HandshakeStatus.NEED_TASK) {
            runTasks();
        } else if (status == HandshakeStatus.NEED_WRAP && outbound.tryLock()) {
            // The peer may wait for what we have to say before it says more: say it first.
            try {
                wrapAndWrite(NOTHING);
            } finally {
                outbound.unlock();
            }
            sendPendingHandshake(); // in case a writer gave up the outbound side meanwhile
        } else if (!unwrapOnce() && engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            // A writer holds the outbound side and sends the handshake message before it lets go
            // (see sendPendingHandshake); meanwhile reading on drains the peer, which may be what
            // that writer waits for. Only if the engine will not unwrap before it wraps, wait.
            wrapAndWrite(NOTHING);
        }
    }

    /** Returns whether the engine moved: consumed or produced bytes, or read from the transport. */
    private boolean unwrapOnce() throws IOException {
        SSLEngineResult result;
        netIn.flip();
        try {
            result = engine.unwrap(netIn, appIn);
        } catch (SSLException e) {
            IOException failure = refused(e);
            inboundFailure = failure;
            throw failure;
        } finally {
            netIn.compact();
        }
        if (result.bytesProduced() > 0) {
            dataReceived = true;
        }
        switch (result.getStatus()) {
            case BUFFER_UNDERFLOW:
                readRaw();
                break;
            case BUFFER_OVERFLOW:
                appIn = grow(appIn, appIn.position() + engine.getSession().getApplicationBufferSize());
                break;
            case CLOSED:
                inboundDone = true; // the peer's close_notify: an orderly end of stream
                break;
            default:
                break;
        }
        if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            handshakeDone = true;
        } else if (result.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
            runTasks();
        }
        synchronized (progress) {
            progress.notifyAll();
        }
        if (result.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            sendPendingHandshake();
        }
        return result.bytesConsumed() > 0 || result.bytesProduced() > 0
                || result.getStatus() != SSLEngineResult.Status.OK;
    }

    private void readRaw() throws IOException {
        if (!netIn.hasRemaining()) {
            netIn = grow(netIn, Math.max(netIn.capacity() * 2, engine.getSession().getPacketBufferSize()));
        }
        if (raw.read(netIn, CLOSE_DESCRIPTOR) < 0) {
            endOfStream();
        }
    }

    private void endOfStream() throws IOException {
        inboundDone = true;
        if (!handshakeDone) {
            throw new PeerVerifyException(raw.describe() + ": the peer closed the connection during the TLS handshake");
        }
        if (!dataReceived) {
            throw new PeerVerifyException(raw.describe() + ": the peer closed the connection right after the TLS"
                    + " handshake, before sending anything: it probably refused our certificate");
        }
        try {
            engine.closeInbound();
        } catch (SSLException noCloseNotify) {
            // A peer that just closes the socket: AMP's framing tells a cut box anyway.
        }
    }

    /**
     * The exception for a failed unwrap, after sending the alert the engine prepared so the peer
     * learns why: a refusal while the session is new, the engine's own error later.
     */
    private IOException refused(SSLException failure) {
        if (outbound.tryLock()) {
            try {
                sendAlert();
            } finally {
                outbound.unlock();
            }
        }
        if (!handshakeDone || !dataReceived) {
            return new PeerVerifyException(raw.describe() + ": TLS refused: " + failure.getMessage(), failure);
        }
        return failure;
    }

    // ---------------------------------------------------------------------------------------------
    // Outbound: under the outbound lock

    /**
     * Wraps as much of {@code srcs} as fits a few records, or the handshake data the engine wants
     * to send, and writes it. Returns the last wrap's result.
     */
    private SSLEngineResult wrapAndWrite(ByteBuffer[] srcs) throws IOException {
        outbound.lock();
        try {
            netOut.clear();
            int packet = engine.getSession().getPacketBufferSize();
            SSLEngineResult result;
            while (true) {
                try {
                    result = engine.wrap(srcs, netOut);
                } catch (SSLException e) {
                    // A failed delegated task (the peer's certificate refused) surfaces here.
                    sendAlert();
                    if (handshakeDone) {
                        throw e;
                    }
                    throw new PeerVerifyException(raw.describe() + ": TLS refused: " + e.getMessage(), e);
                }
                if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                    if (netOut.position() > 0) {
                        break; // write what we have; the next call wraps the rest
                    }
                    netOut = ByteBuffer.allocate(Math.max(netOut.capacity() * 2, packet));
                    continue;
                }
                if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
                    handshakeDone = true;
                }
                // More records into the same write while room remains and the engine has more to
                // say: the rest of a handshake flight, or more of the caller's data.
                HandshakeStatus next = result.getHandshakeStatus();
                boolean more = result.getStatus() == SSLEngineResult.Status.OK
                        && netOut.remaining() >= packet
                        && (next == HandshakeStatus.NEED_WRAP
                                || next == HandshakeStatus.NOT_HANDSHAKING && result.bytesConsumed() > 0 && hasRemaining(srcs));
                if (!more) {
                    break;
                }
            }
            netOut.flip();
            if (netOut.hasRemaining()) {
                raw.write(new ByteBuffer[] {netOut});
            }
            if (result.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                runTasks();
            }
            return result;
        } finally {
            outbound.unlock();
        }
    }

    /**
     * After a fatal error, under the outbound lock: writes the alert the engine prepared, so the
     * peer learns why instead of seeing the connection just close. Best effort.
     */
    private void sendAlert() {
        try {
            engine.closeOutbound();
            netOut.clear();
            engine.wrap(NOTHING, netOut);
            netOut.flip();
            if (netOut.hasRemaining()) {
                raw.write(new ByteBuffer[] {netOut});
            }
        } catch (IOException | RuntimeException ignored) {
            // The connection is failing anyway.
        }
    }

    /**
     * A writer needs handshake data from the peer. With nobody reading, it reads itself (the
     * plaintext that comes along waits for the reader); otherwise it lets go of the outbound side,
     * which the reader may need to answer the peer, and waits for the reader to make progress.
     */
    private void awaitInboundProgress() throws IOException {
        if (inbound.tryLock()) {
            try {
                if (inboundDone) {
                    throw new IOException(raw.describe() + ": the TLS handshake needs data from a peer that closed the connection");
                }
                stepInbound();
            } finally {
                inbound.unlock();
            }
            return;
        }
        int holds = outbound.getHoldCount();
        for (int i = 0; i < holds; i++) {
            outbound.unlock();
        }
        try {
            synchronized (progress) {
                progress.wait(PROGRESS_POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(raw.describe() + ": interrupted while waiting for the TLS handshake");
        } finally {
            for (int i = 0; i < holds; i++) {
                outbound.lock();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Small pieces

    private void runTasks() {
        for (Runnable task; (task = engine.getDelegatedTask()) != null; ) {
            task.run(); // certificate checks and key generation: on this thread, as blocking I/O is
        }
    }

    private static boolean hasRemaining(ByteBuffer[] buffers) {
        for (ByteBuffer buffer : buffers) {
            if (buffer.hasRemaining()) {
                return true;
            }
        }
        return false;
    }

    /** A larger buffer in write mode holding the same bytes. */
    private static ByteBuffer grow(ByteBuffer buffer, int capacity) {
        ByteBuffer larger = ByteBuffer.allocate(Math.max(capacity, buffer.capacity()));
        buffer.flip();
        larger.put(buffer);
        return larger;
    }
}
