package io.ampjava.dispatch;

import io.ampjava.tls.OnlyOneTlsException;
import io.ampjava.tls.PeerVerifyException;
import io.ampjava.tls.TlsOptions;
import io.ampjava.tls.TlsTransport;
import io.ampjava.transport.Transport;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.Descriptor;
import io.ampjava.wire.AmpKeys;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxDecoder;
import io.ampjava.wire.BoxEncoder;
import io.ampjava.wire.Bytes;
import io.ampjava.wire.ProtocolException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/**
 * One AMP connection: Twisted's {@code BinaryBoxProtocol} + {@code BoxDispatcher} over a
 * {@link Transport}.
 *
 * <p>{@link #open} starts one daemon reader thread that parses incoming boxes and routes each as
 * Twisted does: {@code _answer} completes a call, {@code _error} fails one, {@code _command} is a
 * request for the {@link ResponderLocator}, anything else (the empty box included) is a protocol
 * violation that closes the connection without a word. Both sides may call each other at any time;
 * answers may come in any order.
 *
 * <p>Threads (see {@code docs/threading.md}): responders run on the reader thread unless
 * {@link ConnectionOptions.Builder#responderExecutor} says otherwise, and must not block there; the
 * futures of calls are completed on the reader thread, so their callbacks run there too and must
 * not block either (use the {@code ...Async} variants for slow work). Any thread may call; writes
 * of concurrent callers are combined.
 *
 * <p>A connection can start TLS ({@link #startTls}, answered by a {@link StartTlsResponder}) and
 * switch to another protocol ({@link #switchProtocol}, answered by a {@link ProtocolSwitchResponder});
 * see {@code docs/tls-and-switching.md}.
 *
 * <pre>{@code
 * try (AmpConnection connection = AmpConnection.open(transport, new CalculatorLocator(new Calculator()))) {
 *     Sum.Result total = connection.callRemote(SumCommand.COMMAND, SumCommand.arguments(13, 81))
 *             .get(5, TimeUnit.SECONDS);   // or SumCommand.call(connection, 13, 81)
 * }
 * }</pre>
 */
public final class AmpConnection implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AmpConnection.class.getName());
    private static final byte[] UNHANDLED_CODE = AmpKeys.UNHANDLED_ERROR_CODE.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNKNOWN_CODE = AmpKeys.UNKNOWN_ERROR_CODE.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNKNOWN_DESCRIPTION = "Unknown Error".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] START_TLS = StartTlsResponder.COMMAND.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TLS_ERROR = StartTlsResponder.ERROR_CODE.getBytes(StandardCharsets.US_ASCII);

    /** Where StartTLS stands; changed under the outbound queue's lock. */
    private enum TlsPhase { NONE, REQUESTED, STARTED }

    /** TLS to start once the current box is parsed, with the bytes after it: reader thread only. */
    private record TlsStart(SSLEngine engine, Duration timeout, TlsCall call) {}

    // The reader thread swaps it for the TLS transport over it when StartTLS succeeds.
    private volatile Transport transport;
    private final ResponderLocator locator;
    private final Executor responderExecutor;
    private final OutboundQueue outbound;
    private final DescriptorExchange descriptors;
    private final boolean ordersDescriptors;
    private final PendingCalls<PendingCall<?>> pending = new PendingCalls<>();
    private final AtomicLong lastTag = new AtomicLong();
    private final AtomicReference<Throwable> lossCause = new AtomicReference<>();
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();
    private final BoxDecoder decoder;
    private final Thread reader;
    private final int readBufferSize;
    private final ConnectionLimits limits;
    private TlsPhase tlsPhase;
    private TlsStart tlsStart;
    private volatile SwitchedSession switched;
    /** Reader thread only: true while the boxes of one read are dispatched; see {@link #flushSoon}. */
    private boolean readerBatch;

    private AmpConnection(Transport transport, ResponderLocator locator, ConnectionOptions options) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.locator = Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(options, "options");
        this.responderExecutor = options.responderExecutor();
        this.readBufferSize = options.readBufferSize();
        this.decoder = new BoxDecoder(options.maxKeysPerBox(), options.maxBoxBytes());
        this.outbound = new OutboundQueue(transport, new OutboundQueue.Listener() {
            @Override
            public void writeFailed(Throwable failure) {
                shutdown(failure);
            }

            @Override
            public void closingBoxWritten() {
                closeAfterClosingAnswer();
            }

            @Override
            public void written() {
                limits.wakeReader();
            }
        });
        this.descriptors = new DescriptorExchange(transport, outbound, options.maxNestingDepth());
        this.limits = new ConnectionLimits(options, outbound, pending, descriptors);
        this.ordersDescriptors = transport.canPassDescriptors();
        this.tlsPhase = transport instanceof TlsTransport ? TlsPhase.STARTED : TlsPhase.NONE;
        String name = options.threadName() != null ? options.threadName() : "amp-reader " + transport.describe();
        this.reader = new Thread(this::readLoop, name);
        reader.setDaemon(true);
    }

    /**
     * Starts serving {@code transport}: a reader thread parses incoming boxes, answers requests with
     * {@code locator} and completes calls. The connection owns the transport from now on and closes
     * it when the connection closes.
     */
    public static AmpConnection open(Transport transport, ResponderLocator locator) {
        return open(transport, locator, ConnectionOptions.defaults());
    }

    /** The same, with a thread name, a responder executor or read limits. */
    public static AmpConnection open(Transport transport, ResponderLocator locator, ConnectionOptions options) {
        AmpConnection connection = new AmpConnection(transport, locator, options);
        connection.reader.start();
        return connection;
    }

    // ---------------------------------------------------------------------------------------------
    // Calling the peer

    /**
     * Calls {@code command} on the peer. The future completes with the decoded response; or
     * exceptionally with the command's declared exception for a declared code,
     * {@link UnhandledCommandException}, {@link UnknownRemoteErrorException} for other codes, or
     * {@link ConnectionLostException}. For a command that requires no answer it completes with
     * null once the request is queued (or fails with {@link ConnectionLostException} when the
     * connection is closed and nothing was sent).
     *
     * <p>An answer whose fields do not decode ({@link io.ampjava.types.BadArgumentException}) fails
     * this future only; the connection stays up, as in Twisted, where the failure stays with the
     * caller's Deferred.
     *
     * @throws io.ampjava.wire.TooLongException synchronously, when a key or value is too long
     *     (nothing is sent; the tag is consumed, as in Twisted)
     * @throws RuntimeException synchronously, whatever the arguments' codec throws (a value it cannot
     *     encode, a {@code Descriptor} on a transport that cannot carry one); nothing is sent and no
     *     tag is consumed
     */
    public <A, R> CompletableFuture<R> callRemote(Command<A, R> command, A arguments) {
        Objects.requireNonNull(command, "command");
        if (command.switchesProtocol()) {
            throw new IllegalArgumentException(command.name() + " switches protocol: call it with switchProtocol");
        }
        refuseStartTls(command.name());
        if (!isOpen()) {
            return CompletableFuture.failedFuture(lost());
        }
        CallRejectedException refused = limits.refuseCall(command.requiresAnswer());
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        TypedCall<R> call = command.requiresAnswer() ? new TypedCall<>(command) : null;
        boolean queued;
        if (ordersDescriptors) {
            // Descriptor ordinals are given out while the codec runs: keep them in wire order.
            synchronized (outbound) {
                queued = sendTyped(command, arguments, call);
            }
        } else {
            queued = sendTyped(command, arguments, call);
        }
        flushSoon();
        if (call != null) {
            return limits.withTimeout(call.future);
        }
        return queued ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(refusal());
    }

    /**
     * Calls {@code command} with raw argument bytes and no schema; the future completes with the
     * whole answer box ({@code _answer} included) or fails with {@link RemoteAmpException} /
     * {@link UnhandledCommandException} / {@link ConnectionLostException}. {@code arguments} is not
     * modified.
     *
     * @throws io.ampjava.wire.TooLongException synchronously, as for {@link #callRemote}
     */
    public CompletableFuture<Box> callRemoteString(String command, Box arguments) {
        refuseStartTls(command);
        byte[] name = command.getBytes(StandardCharsets.UTF_8);
        Box box = arguments.copy();
        if (!isOpen()) {
            return CompletableFuture.failedFuture(lost());
        }
        CallRejectedException refused = limits.refuseCall(true);
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        RawCall call = new RawCall();
        if (ordersDescriptors) {
            synchronized (outbound) {
                send(name, box, call);
            }
        } else {
            send(name, box, call);
        }
        flushSoon();
        return limits.withTimeout(call.future);
    }

    /**
     * Sends {@code command} without {@code _ask}: no answer will come. The tag counter still advances.
     * On a closed connection nothing is sent and nothing is thrown, as in Twisted.
     *
     * @throws io.ampjava.wire.TooLongException synchronously, as for {@link #callRemote}
     * @throws CallRejectedException when the outgoing queue is full; nothing is sent
     * @throws ProtocolSwitchedException when the connection switched protocol, or waits for the
     *     answer to its switch request; nothing is sent
     */
    public void callRemoteStringNoAnswer(String command, Box arguments) {
        refuseStartTls(command);
        byte[] name = command.getBytes(StandardCharsets.UTF_8);
        Box box = arguments.copy();
        if (!isOpen()) {
            return;
        }
        CallRejectedException refused = limits.refuseCall(false);
        if (refused != null) {
            throw refused;
        }
        if (!send(name, box, null) && isOpen() && outbound.isLocked()) {
            throw switchedRefusal();
        }
        flushSoon();
    }

    // ---------------------------------------------------------------------------------------------
    // StartTLS and protocol switches

    /**
     * Asks the peer to start TLS (Twisted's {@code StartTLS}: the request is {@code _command StartTLS}
     * with {@code _ask} and nothing else). Every box sent from now on, by any thread, is held back
     * until the answer; then TLS starts and they go through it. The TLS roles follow the connection's:
     * the side that connected is the TLS client, whoever asked.
     *
     * <p>The future completes once the handshake is done. It fails with {@link PeerVerifyException}
     * when the handshake fails or the peer closes the connection during it (the connection closes,
     * and every outstanding call fails with the same exception); with {@link RemoteAmpException}
     * (code {@code TLS_ERROR}) or {@link UnhandledCommandException} when the peer refuses, and then
     * the held boxes go out in the clear and the connection carries on; with
     * {@link OnlyOneTlsException} when TLS is started or starting already; with an
     * {@link SSLException} when the options do not fit this connection (say, this side would be the
     * TLS server and has no certificate); in these last cases nothing is sent.
     *
     * <pre>{@code
     * connection.startTls(TlsOptions.builder().trustAnchors(ca).build()).get(10, TimeUnit.SECONDS);
     * }</pre>
     */
    public CompletableFuture<Void> startTls(TlsOptions options) {
        Objects.requireNonNull(options, "options");
        if (!isOpen()) {
            return CompletableFuture.failedFuture(lost());
        }
        if (outbound.isLocked()) {
            return CompletableFuture.failedFuture(switchedRefusal());
        }
        SSLEngine engine;
        try {
            engine = tlsEngine(options);
        } catch (SSLException | RuntimeException unfit) {
            return CompletableFuture.failedFuture(unfit);
        }
        TlsCall call = new TlsCall(engine, options.handshakeTimeout());
        synchronized (outbound) {
            if (tlsPhase != TlsPhase.NONE) {
                return CompletableFuture.failedFuture(new OnlyOneTlsException(describe()
                        + (tlsPhase == TlsPhase.STARTED ? " runs TLS already" : " is starting TLS already")));
            }
            if (outbound.isLocked()) {
                return CompletableFuture.failedFuture(switchedRefusal());
            }
            if (send(START_TLS, new Box(2), call)) {
                outbound.hold();
                tlsPhase = TlsPhase.REQUESTED;
            }
        }
        outbound.flush();
        return call.future;
    }

    /** The TLS session, once TLS runs: the peer's certificates, the protocol and cipher suite. */
    public Optional<SSLSession> tlsSession() {
        Transport current = transport;
        return current instanceof TlsTransport ? Optional.of(((TlsTransport) current).session()) : Optional.empty();
    }

    /**
     * Calls a protocol-switching command (Twisted's {@code ProtocolSwitchCommand}): sends it, then
     * refuses to send boxes ({@link ProtocolSwitchedException}) until the answer. On success every
     * later byte, including any read together with the answer, goes to {@code protocol}, which
     * writes through its {@link ProtocolChannel}; AMP is over on this connection. On an error answer
     * the connection takes boxes again and AMP goes on.
     *
     * <p>The future completes with {@code protocol} once {@link SwitchedProtocol#connectionMade} has
     * run (on the reader thread), or fails as {@link #callRemote} does, or with
     * {@link ProtocolSwitchedException} when the connection switched, or waits for a switch, already.
     *
     * @throws IllegalArgumentException when {@code command} does not switch protocol
     * @throws io.ampjava.wire.TooLongException synchronously, as for {@link #callRemote}
     */
    public <A, P extends SwitchedProtocol> CompletableFuture<P> switchProtocol(Command<A, ?> command, A arguments,
            P protocol) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(protocol, "protocol");
        if (!command.switchesProtocol()) {
            throw new IllegalArgumentException(command.name() + " does not switch protocol: call it with callRemote");
        }
        if (!isOpen()) {
            return CompletableFuture.failedFuture(lost());
        }
        SwitchCall<P> call = new SwitchCall<>(command, protocol);
        synchronized (outbound) {
            if (outbound.isLocked()) {
                return CompletableFuture.failedFuture(switchedRefusal());
            }
            Box box = new Box();
            command.arguments().write(arguments, box, descriptors);
            if (send(command.nameBytes(), box, call)) {
                outbound.lock(); // Twisted's _lockForSwitch
            }
        }
        outbound.flush();
        return call.future;
    }

    private SSLEngine tlsEngine(TlsOptions options) throws SSLException {
        if (transport.canPassDescriptors()) {
            throw new SSLException(describe() + " carries file descriptors, which TLS cannot carry");
        }
        return options.createEngine(options.roleOn(transport));
    }

    /**
     * The peer asked for TLS: answer, hold everything after the answer back, and have the reader
     * start TLS with the bytes after the request. Without a {@link StartTlsResponder}, or when TLS
     * cannot start here, answer {@code TLS_ERROR} and stay in the clear.
     */
    private void tlsRequested(byte[] ask) {
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
                engine = tlsEngine(options);
                timeout = options.handshakeTimeout();
            } catch (SSLException | RuntimeException unfit) {
                refusal = "TLS not available: " + unfit.getMessage();
            }
        }
        synchronized (outbound) {
            if (refusal == null && tlsPhase != TlsPhase.NONE) {
                refusal = tlsPhase == TlsPhase.STARTED ? "TLS already started" : "TLS negotiation already in progress";
            }
            if (refusal != null) {
                // Ahead of a hold: when our own StartTLS crossed this one, the peer holds its boxes
                // back until it hears from us, and we hold ours until it answers.
                outbound.enqueueAhead(BoxEncoder.encode(errorBox(ask, TLS_ERROR, refusal.getBytes(StandardCharsets.UTF_8))));
            } else {
                Box answer = new Box(1);
                answer.put(AmpKeys.ANSWER_KEY, ask);
                if (!outbound.enqueue(BoxEncoder.encode(answer), false)) {
                    return; // switched or closing: the answer is dropped, as every answer then
                }
                outbound.hold();
                tlsPhase = TlsPhase.STARTED;
                tlsStart = new TlsStart(engine, timeout, null);
            }
        }
        outbound.flush();
    }

    /**
     * On the reader thread, after the StartTLS answer was read or written: once the queue has
     * written it, run the handshake over the transport, starting with the bytes read past the
     * answer, then let the held boxes go through TLS.
     */
    private void beginTls(TlsStart start, ByteBuffer alreadyRead) {
        AtomicBoolean finished = new AtomicBoolean();
        if (!start.timeout().isZero()) {
            // A peer that answered and then never speaks TLS would hold the reader forever.
            CompletableFuture.delayedExecutor(start.timeout().toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
                if (finished.compareAndSet(false, true)) {
                    shutdown(new PeerVerifyException(describe() + ": the TLS handshake did not finish within "
                            + start.timeout().toMillis() + " ms"));
                }
            });
        }
        try {
            outbound.awaitWritten();
            TlsTransport tls = TlsTransport.start(transport, start.engine(), alreadyRead);
            tls.handshake();
            if (!finished.compareAndSet(false, true)) {
                throw new IOException("the handshake finished too late");
            }
            transport = tls;
            outbound.release(tls);
        } catch (IOException | RuntimeException failure) {
            finished.set(true);
            Throwable closed = closeCause();
            PeerVerifyException refused = closed instanceof PeerVerifyException
                    ? (PeerVerifyException) closed // the timeout's, which closed the transport under us
                    : failure instanceof PeerVerifyException
                    ? (PeerVerifyException) failure
                    : new PeerVerifyException(describe() + ": TLS could not start: " + failure.getMessage(), failure);
            if (start.call() != null) {
                start.call().fail(refused);
            }
            shutdown(refused);
            return;
        }
        if (start.call() != null) {
            start.call().future.complete(null);
        }
    }

    /** The switch request of a {@link ProtocolSwitchResponder}: the protocol, or an error answer. */
    private void respondSwitching(ProtocolSwitchResponder responder, Box request, byte[] ask) {
        CompletionStage<? extends SwitchedProtocol> stage;
        try {
            stage = responder.switchTo(request, this);
        } catch (Throwable failure) {
            finish(ask, responder, null, failure);
            return;
        }
        if (stage == null) {
            finish(ask, responder, null, new IllegalStateException("the responder returned a null stage"));
            return;
        }
        stage.whenComplete((protocol, failure) -> {
            if (failure != null || protocol == null) {
                finish(ask, responder, null, failure != null ? failure : new IllegalStateException("the responder switched to a null protocol"));
            } else {
                switchAfterAnswer(ask, protocol);
            }
        });
    }

    /** Answers {@code _answer} alone, then nothing but {@code protocol}'s bytes (Twisted's {@code _SwitchBox}). */
    private void switchAfterAnswer(byte[] ask, SwitchedProtocol protocol) {
        if (ask == null || !isOpen()) {
            return; // Twisted switches as it sends the answer: no answer, no switch
        }
        SwitchedSession session = new SwitchedSession(protocol, this, outbound);
        Box answer = new Box(1);
        answer.put(AmpKeys.ANSWER_KEY, ask);
        byte[] frame = BoxEncoder.encode(answer);
        synchronized (outbound) {
            if (!outbound.enqueue(frame, false)) {
                return; // switched or closing meanwhile: dropped, as every answer then
            }
            outbound.lock();
            switched = session;
        }
        session.start(); // writes in connectionMade queue up behind the answer
        outbound.flush();
    }

    /**
     * A StartTLS sent as a plain call would have the peer start TLS while this side does not: only
     * {@link #startTls} may send it.
     */
    private static void refuseStartTls(String command) {
        if (StartTlsResponder.COMMAND.equals(command)) {
            throw new IllegalArgumentException("StartTLS changes the connection: ask for it with startTls");
        }
    }

    /** Why a box was not queued: a protocol switch, or the connection's end. */
    private RuntimeException refusal() {
        return isOpen() && outbound.isLocked() ? switchedRefusal() : lost();
    }

    private ProtocolSwitchedException switchedRefusal() {
        return new ProtocolSwitchedException(describe() + (switched != null
                ? " switched to another protocol: no AMP traffic allowed"
                : " waits for the answer to its protocol switch: no AMP traffic allowed until then"));
    }

    private <A, R> boolean sendTyped(Command<A, R> command, A arguments, TypedCall<R> call) {
        Box box = new Box();
        command.arguments().write(arguments, box, descriptors);
        return send(command.nameBytes(), box, call);
    }

    /**
     * Tags, encodes and queues one request; {@code call} is null when no answer is wanted. Runs under
     * the outbound lock when descriptors may be involved. Does not flush. A refused call is failed
     * here: its future has not reached the caller yet, so no callback runs under the lock.
     *
     * @return whether the request was queued
     */
    private boolean send(byte[] name, Box box, PendingCall<?> call) {
        box.put(AmpKeys.COMMAND_KEY, name);
        // The tag is consumed before encoding, so a TooLong request skips a number (Twisted does).
        long tag = lastTag.incrementAndGet();
        if (call != null) {
            box.put(AmpKeys.ASK_KEY, Tags.format(tag));
        }
        byte[] frame = BoxEncoder.encode(box);
        if (call == null) {
            return outbound.enqueue(frame, false);
        }
        // Registered before it is written: the answer may arrive before enqueue returns.
        call.tag = tag;
        if (!pending.register(tag, call)) {
            call.fail(lost());
            return false;
        }
        if (!outbound.enqueue(frame, false)) {
            if (pending.remove(tag) != null) {
                call.taken = true;
                call.fail(refusal());
            }
            return false;
        }
        return true;
    }

    /**
     * Writes what is queued, except on the reader thread while it dispatches a read: then the
     * reader writes once after the last box of the read, combining every answer and every call made
     * by callbacks into one write (as Twisted's transport buffers writes until the reactor loop
     * comes round).
     */
    private void flushSoon() {
        if (Thread.currentThread() == reader && readerBatch) {
            return;
        }
        outbound.flush();
    }

    // ---------------------------------------------------------------------------------------------
    // Reading

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(readBufferSize);
        buffer.limit(0); // nothing read yet
        IntConsumer received = descriptors::received;
        BoxDecoder.Sink sink = box -> {
            boxReceived(box);
            if (tlsStart != null || switched != null) {
                decoder.stop(); // the bytes after this box are TLS's or the new protocol's
            }
        };
        Throwable cause;
        try {
            while (true) {
                limits.awaitReadCapacity(this::isOpen);
                // The dispatch may have stopped mid-buffer at a limit: finish those bytes first.
                if (!buffer.hasRemaining()) {
                    buffer.clear();
                    int count = transport.read(buffer, received);
                    if (count < 0) {
                        cause = new EOFException(transport.describe() + ": the peer closed the connection");
                        break;
                    }
                    buffer.flip();
                }
                route(buffer, sink);
                limits.checkPendingDescriptors();
                if (!isOpen()) {
                    return;
                }
            }
        } catch (Throwable failure) {
            cause = failure;
            if (isOpen()) {
                LOG.log(System.Logger.Level.DEBUG, () -> "closing " + transport.describe(), failure);
            }
        }
        shutdown(cause);
    }

    /**
     * Hands bytes read to the AMP parser; or to the protocol switched to; or, when StartTLS
     * completed within them, the bytes after the StartTLS box to TLS.
     */
    private void route(ByteBuffer buffer, BoxDecoder.Sink sink) throws InterruptedException {
        SwitchedSession session = switched;
        if (session == null) {
            readerBatch = true;
            decoder.feed(buffer, sink);
            // Everything the boxes of this read queued (answers, calls made by callbacks) goes out
            // together: one write per read instead of one per box, and before the reader waits for
            // capacity or TLS or a switched protocol takes over. If feed throws, readerBatch stays
            // set, and shutdown writes what was queued before closing.
            readerBatch = false;
            outbound.flush();
            TlsStart start = tlsStart;
            if (start != null) {
                tlsStart = null;
                beginTls(start, buffer);
                return;
            }
            session = switched;
        }
        if (session != null && buffer.hasRemaining()) {
            session.deliver(buffer);
        }
    }

    /** Routes one incoming box by its role keys, in Twisted's order. */
    private void boxReceived(Box box) {
        if (!isOpen()) {
            decoder.stop();
            return;
        }
        byte[] tag = box.get(AmpKeys.ANSWER_KEY);
        if (tag != null) {
            PendingCall<?> call = takeCall(tag, AmpKeys.ANSWER, box);
            if (call != null) {
                call.answered(box);
            }
            return;
        }
        tag = box.get(AmpKeys.ERROR_KEY);
        if (tag != null) {
            errorReceived(tag, box);
            return;
        }
        if (box.containsKey(AmpKeys.COMMAND_KEY)) {
            commandReceived(box);
            if (limits.mustPause()) {
                decoder.stop(); // the rest of this read waits until the connection is below its limits
            }
            return;
        }
        throw new ProtocolException(box.isEmpty()
                ? "received an empty box"
                : "received a box with none of _answer, _error, _command: " + box);
    }

    private void errorReceived(byte[] tag, Box box) {
        byte[] code = box.get(AmpKeys.ERROR_CODE_KEY);
        byte[] description = box.get(AmpKeys.ERROR_DESCRIPTION_KEY);
        if (code == null || description == null) {
            throw new ProtocolException("an _error box without _error_code or _error_description: " + box);
        }
        PendingCall<?> call = takeCall(tag, AmpKeys.ERROR, null);
        if (call == null) {
            return; // the late error of a call given up
        }
        String text = new String(description, StandardCharsets.UTF_8);
        if (Arrays.equals(code, UNHANDLED_CODE)) {
            call.refused(new UnhandledCommandException(text));
        } else {
            call.failed(new String(code, StandardCharsets.UTF_8), text);
        }
    }

    /**
     * The call an answer or error names, or null for the late answer of a call given up (timed out
     * or cancelled), which is dropped after freeing the descriptors it brought. Any other unknown tag
     * is a protocol violation (Twisted's KeyError): nothing this side issued is outstanding under it.
     * Twisted, too, drops a late answer to a cancelled call: its Deferred stays in the table until
     * the answer comes.
     */
    private PendingCall<?> takeCall(byte[] tag, String role, Box answer) {
        long number = Tags.parse(tag);
        Object taken = number == Tags.NOT_OURS ? null : pending.take(number);
        if (taken instanceof PendingCall) {
            PendingCall<?> call = (PendingCall<?>) taken;
            call.taken = true;
            return call;
        }
        if (taken instanceof PendingCalls.Abandoned) {
            if (answer != null) {
                ((PendingCalls.Abandoned) taken).lateAnswer(answer);
            }
            LOG.log(System.Logger.Level.DEBUG, () -> "dropped the late " + role + " " + Bytes.repr(tag) + " on "
                    + transport.describe() + ": its call was given up");
            return null;
        }
        throw new ProtocolException(role + " " + Bytes.repr(tag) + " names no outstanding call");
    }

    // ---------------------------------------------------------------------------------------------
    // Answering the peer

    private void commandReceived(Box request) {
        byte[] name = request.get(AmpKeys.COMMAND_KEY);
        byte[] ask = request.get(AmpKeys.ASK_KEY);
        if (Arrays.equals(name, START_TLS)) {
            tlsRequested(ask); // on the reader thread, always: it must see the bytes after the request
            return;
        }
        String text = strictUtf8(name);
        Responder responder;
        try {
            responder = text == null ? null : locator.locate(text);
        } catch (RuntimeException failure) {
            finish(ask, null, null, failure);
            return;
        }
        if (responder == null) {
            if (!isAscii(name)) {
                // Twisted's fallback locator ASCII-decodes the name and the error escapes: it drops
                // the connection without an error box.
                throw new ProtocolException("unknown command with a non-ASCII name " + Bytes.repr(name));
            }
            if (ask == null) {
                throw new ProtocolException("unknown command " + Bytes.repr(name) + " without _ask: nowhere to say so");
            }
            sendError(ask, UNHANDLED_CODE, ("Unhandled Command: " + Bytes.repr(name)).getBytes(StandardCharsets.UTF_8),
                    false);
            return;
        }
        limits.requestStarted();
        if (responderExecutor == null) {
            respond(responder, request, ask);
            return;
        }
        limits.requestQueued();
        try {
            responderExecutor.execute(() -> {
                limits.requestDequeued();
                respond(responder, request, ask);
            });
        } catch (RuntimeException rejected) {
            limits.requestDequeued();
            requestFinished(ask, responder, null, rejected);
        }
    }

    private void respond(Responder responder, Box request, byte[] ask) {
        if (responder instanceof ProtocolSwitchResponder) {
            // Counted out at once: after a switch nothing more is read as AMP anyway.
            try {
                respondSwitching((ProtocolSwitchResponder) responder, request, ask);
            } finally {
                limits.requestFinished();
            }
            return;
        }
        CompletionStage<Box> stage;
        try {
            stage = responder.respond(request, this);
        } catch (Throwable failure) {
            requestFinished(ask, responder, null, failure);
            return;
        }
        if (stage == null) {
            requestFinished(ask, responder, null, new IllegalStateException("the responder returned a null stage"));
            return;
        }
        if (stage instanceof CompletableFuture && stage.toCompletableFuture().isDone()) {
            // Answered at once: what whenComplete would do on this thread, without a dependent stage.
            Box answer = null;
            Throwable failure = null;
            try {
                answer = stage.toCompletableFuture().join();
            } catch (CompletionException | CancellationException e) {
                failure = e;
            }
            requestFinished(ask, responder, answer, failure);
            return;
        }
        stage.whenComplete((answer, failure) -> requestFinished(ask, responder, answer, failure));
    }

    /** A located responder is done: answer, and count the request out of those in progress. */
    private void requestFinished(byte[] ask, Responder responder, Box answer, Throwable failure) {
        try {
            finish(ask, responder, answer, failure);
        } finally {
            limits.requestFinished();
        }
    }

    /** Sends the outcome of one request, on whichever thread the responder finished. */
    private void finish(byte[] ask, Responder responder, Box answer, Throwable failure) {
        if (!isOpen()) {
            return; // the connection went away meanwhile: nobody to tell (Twisted's _safeEmit)
        }
        failure = unwrap(failure);
        if (failure == null && answer == null) {
            failure = new IllegalStateException("the responder answered a null box");
        }
        if (ask == null) {
            if (failure != null) {
                // Nowhere to report it: Twisted logs it and drops the connection.
                LOG.log(System.Logger.Level.WARNING, "a responder failed on " + transport.describe()
                        + " and the request had no _ask; closing", failure);
                shutdown(failure);
            }
            return;
        }
        if (failure == null) {
            // A responder may hand out a shared box; the boxes of Responders.of are always new.
            Box reply = responder instanceof Responders.TypedResponder ? answer : answer.copy();
            reply.put(AmpKeys.ANSWER_KEY, ask);
            boolean closes;
            try {
                closes = responder.closesConnection();
            } catch (RuntimeException broken) {
                closes = true;
            }
            sendFrame(reply, closes);
        } else if (failure instanceof RemoteAmpException) {
            RemoteAmpException error = (RemoteAmpException) failure;
            String description = error.description() == null ? "" : error.description();
            sendError(ask, error.code().getBytes(StandardCharsets.UTF_8), description.getBytes(StandardCharsets.UTF_8),
                    error.isFatal());
        } else {
            LOG.log(System.Logger.Level.WARNING, "a responder failed on " + transport.describe()
                    + "; answering UNKNOWN and closing", failure);
            sendError(ask, UNKNOWN_CODE, UNKNOWN_DESCRIPTION, true);
        }
    }

    private void sendError(byte[] ask, byte[] code, byte[] description, boolean closes) {
        sendFrame(errorBox(ask, code, description), closes);
    }

    private static Box errorBox(byte[] ask, byte[] code, byte[] description) {
        Box error = new Box(3);
        error.put(AmpKeys.ERROR_KEY, ask);
        error.put(AmpKeys.ERROR_CODE_KEY, code);
        error.put(AmpKeys.ERROR_DESCRIPTION_KEY, description);
        return error;
    }

    private void sendFrame(Box box, boolean closes) {
        byte[] frame;
        try {
            frame = BoxEncoder.encode(box);
        } catch (RuntimeException tooLong) {
            // Twisted serializes the answer only when it sends it; the failure escapes and drops
            // the connection without an error box. So do we.
            LOG.log(System.Logger.Level.WARNING, "an answer on " + transport.describe()
                    + " cannot be encoded; closing", tooLong);
            shutdown(tooLong);
            return;
        }
        if (outbound.enqueue(frame, closes)) {
            if (closes) {
                // At once, as before batching: the boxes after it in this read must find the
                // connection closed, not run their responders.
                outbound.flush();
            } else {
                flushSoon();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // State and closing

    /** The descriptor exchange of this connection, for argument types. */
    public ArgumentContext argumentContext() {
        return descriptors;
    }

    /**
     * Completes (normally) once the connection is closed and every outstanding call has failed: the
     * transport is closed and received descriptors nobody claimed are closed.
     */
    public CompletableFuture<Void> closeFuture() {
        return closeFuture;
    }

    /** Whether the connection still accepts calls (false from the moment it starts closing). */
    public boolean isOpen() {
        return lossCause.get() == null;
    }

    /**
     * Why the connection closed: an {@link EOFException} when the peer closed it, the I/O error, the
     * {@link ProtocolException} or remote {@link io.ampjava.wire.TooLongException} that closed it;
     * null while it is open.
     */
    public Throwable closeCause() {
        return lossCause.get();
    }

    /** The transport's description, e.g. {@code unix:/tmp/amp.sock}. */
    public String describe() {
        return transport.describe();
    }

    /**
     * Closes the connection; outstanding calls fail with {@link ConnectionLostException}. Idempotent;
     * does not wait for a flush in progress (its write fails), so it never blocks for long.
     */
    @Override
    public void close() {
        shutdown(new IOException(transport.describe() + ": closed by this side"));
    }

    /** After a fatal error or a closing answer was written: flush the end of stream, then close. */
    private void closeAfterClosingAnswer() {
        shutdown(new IOException(transport.describe() + (switched != null
                ? ": closed by the protocol it switched to" : ": closed after a closing answer")), true);
    }

    private void shutdown(Throwable cause) {
        shutdown(cause, false);
    }

    /** Closes once; {@code orderly} ends the output stream first, so the peer reads everything written. */
    private void shutdown(Throwable cause, boolean orderly) {
        if (!lossCause.compareAndSet(null, cause)) {
            return;
        }
        if (readerBatch && Thread.currentThread() == reader) {
            // Boxes queued earlier in this read would have been written already without batching.
            outbound.flush();
        }
        if (orderly) {
            try {
                transport.shutdownOutput();
            } catch (IOException | RuntimeException ignored) {
                // closing anyway
            }
        }
        List<PendingCall<?>> calls = pending.closeAndDrain();
        outbound.close();
        limits.wakeReader();
        try {
            transport.close();
        } catch (IOException | RuntimeException failure) {
            LOG.log(System.Logger.Level.DEBUG, () -> "closing " + transport.describe(), failure);
        }
        descriptors.close();
        for (PendingCall<?> call : calls) {
            call.taken = true;
            // A refused TLS handshake is what the calls need to hear about (Twisted's PeerVerifyError).
            call.fail(cause instanceof PeerVerifyException ? cause : lost());
        }
        SwitchedSession session = switched;
        if (session != null) {
            session.lost(cause);
        }
        closeFuture.complete(null);
    }

    private ConnectionLostException lost() {
        Throwable cause = lossCause.get();
        if (cause == null) {
            return new ConnectionLostException(
                    "connection " + transport.describe() + " is closing after a closing answer", null);
        }
        return new ConnectionLostException("connection " + transport.describe() + " lost: " + cause.getMessage(), cause);
    }

    @Override
    public String toString() {
        return "AmpConnection[" + transport.describe() + (isOpen() ? "" : ", closed") + "]";
    }

    // ---------------------------------------------------------------------------------------------
    // Small pieces

    /** The name as strict UTF-8, or null when it is not valid UTF-8 (no responder can match it then). */
    private static String strictUtf8(byte[] bytes) {
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII); // the usual case, no decoder needed
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException malformed) {
            return null;
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static Throwable unwrap(Throwable failure) {
        while ((failure instanceof CompletionException || failure instanceof ExecutionException)
                && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    /** A call waiting for its answer. */
    private abstract class PendingCall<T> {
        final CompletableFuture<T> future = new CallFuture<>(this);
        /** Its tag, once registered; 0 before. */
        long tag;
        /**
         * Set just before this connection completes the future (answer, error, loss): the call has
         * left the table. A completion without it came from outside (a timeout, a cancel), and
         * gives the call up.
         */
        boolean taken;

        abstract void answered(Box answer);

        /** An error answer with a code other than UNHANDLED. */
        abstract void failed(String code, String description);

        /**
         * What to keep of this call once given up, until its late answer; null when the call cannot
         * be given up, because its answer changes the connection (StartTLS, a protocol switch) and must
         * be acted on whoever still waits for it.
         */
        abstract PendingCalls.Abandoned abandoned();

        final void fail(Throwable failure) {
            future.completeExceptionally(failure);
        }

        /** The future was completed from outside: free the call, keep only a marker under its tag. */
        final void givenUp() {
            PendingCalls.Abandoned marker = taken || tag == 0 ? null : abandoned();
            if (marker != null && pending.abandon(tag, this, marker)) {
                LOG.log(System.Logger.Level.DEBUG, () -> "call " + tag + " on " + transport.describe() + " given up");
            }
        }

        /** The peer refused the call: UNHANDLED, or an error code through {@link #failed}. */
        void refused(Throwable failure) {
            fail(failure);
        }
    }

    /**
     * The future of a call. Waiting for it on the reader thread can only end in a deadlock (the
     * answer would be read by the very thread that waits), so that fails at once instead.
     */
    private final class CallFuture<T> extends CompletableFuture<T> {
        private final PendingCall<T> call;

        CallFuture(PendingCall<T> call) {
            this.call = call;
        }

        // A timeout (orTimeout, completeOnTimeout), a cancel or any other completion from outside
        // frees the call; this connection marks its own completions first (PendingCall.taken).
        @Override
        public boolean complete(T value) {
            boolean completed = super.complete(value);
            if (completed) {
                call.givenUp();
            }
            return completed;
        }

        @Override
        public boolean completeExceptionally(Throwable failure) {
            boolean completed = super.completeExceptionally(failure);
            if (completed) {
                call.givenUp();
            }
            return completed;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) {
                call.givenUp();
            }
            return cancelled;
        }

        @Override
        public T get() throws InterruptedException, ExecutionException {
            refuseReaderThread();
            return super.get();
        }

        @Override
        public T get(long timeout, java.util.concurrent.TimeUnit unit)
                throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
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
            if (!isDone() && Thread.currentThread() == reader) {
                throw new IllegalStateException("waiting for a call on " + transport.describe()
                        + " from its reader thread would deadlock: only that thread reads the answer."
                        + " Chain with thenApply/thenCompose instead (see docs/threading.md)");
            }
        }
    }

    /** A {@link #callRemote} call: decodes the answer, maps declared error codes. */
    private final class TypedCall<R> extends PendingCall<R> {
        private final Command<?, R> command;

        TypedCall(Command<?, R> command) {
            this.command = command;
        }

        @Override
        void answered(Box answer) {
            if (!descriptors.canReceive() || descriptors.waiting() == 0) {
                R response;
                try {
                    response = command.response().read(answer, descriptors);
                } catch (RuntimeException undecodable) {
                    fail(undecodable);
                    return;
                }
                future.complete(response);
                return;
            }
            // The caller may give up (a timeout, a cancel) while the answer is decoded: its future is
            // then complete already, and the descriptors the answer claimed would reach nobody. So are
            // those of an answer that fails to decode half way. Both are closed here.
            List<Descriptor> claimed = new ArrayList<>(2);
            R response;
            try {
                response = command.response().read(answer, descriptors.recordingClaims(claimed));
            } catch (RuntimeException undecodable) {
                claimed.forEach(Descriptor::close);
                fail(undecodable);
                return;
            }
            if (!future.complete(response)) {
                claimed.forEach(Descriptor::close);
            }
        }

        @Override
        PendingCalls.Abandoned abandoned() {
            // Locals only: the marker must not keep this call (and its future) reachable.
            Command<?, R> late = command;
            DescriptorExchange exchange = descriptors;
            // The late answer is decoded only to claim (and close) the descriptors it names.
            return answer -> {
                if (exchange.waiting() == 0) {
                    return;
                }
                try {
                    late.response().read(answer, exchange.closingEachClaimed());
                } catch (RuntimeException undecodable) {
                    // nothing more to free
                }
            };
        }

        @Override
        void failed(String code, String description) {
            fail(declaredError(command, code, description));
        }
    }

    /** The exception a caller of {@code command} gets for an error answer: the declared one, if any. */
    private static Throwable declaredError(Command<?, ?> command, String code, String description) {
        ErrorSpec declared = command.errorForCode(code);
        if (declared == null) {
            return new UnknownRemoteErrorException(code, description);
        }
        Throwable rebuilt;
        try {
            rebuilt = declared.factory().apply(description);
        } catch (RuntimeException broken) {
            rebuilt = broken;
        }
        return rebuilt != null ? rebuilt : new UnknownRemoteErrorException(code, description);
    }

    /** A {@link #startTls} call: on the answer TLS starts; on an error the held boxes go in the clear. */
    private final class TlsCall extends PendingCall<Void> {
        private final SSLEngine engine;
        private final Duration timeout;

        TlsCall(SSLEngine engine, Duration timeout) {
            this.engine = engine;
            this.timeout = timeout;
        }

        @Override
        void answered(Box answer) {
            tlsStart = new TlsStart(engine, timeout, this); // on the reader thread, which starts TLS after this box
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
                tlsPhase = TlsPhase.NONE;
            }
            outbound.release(null);
            fail(failure);
        }
    }

    /** A {@link #switchProtocol} call: on the answer the protocol takes over; on an error AMP goes on. */
    private final class SwitchCall<P extends SwitchedProtocol> extends PendingCall<P> {
        private final Command<?, ?> command;
        private final P protocol;

        SwitchCall(Command<?, ?> command, P protocol) {
            this.command = command;
            this.protocol = protocol;
        }

        @Override
        void answered(Box answer) {
            try {
                command.response().read(answer, descriptors);
            } catch (RuntimeException undecodable) {
                refused(undecodable);
                return;
            }
            SwitchedSession session = new SwitchedSession(protocol, AmpConnection.this, outbound);
            switched = session; // on the reader thread, which hands the bytes after this box over
            session.start();
            future.complete(protocol);
        }

        @Override
        void failed(String code, String description) {
            refused(declaredError(command, code, description));
        }

        @Override
        PendingCalls.Abandoned abandoned() {
            return null; // the peer switches on its answer: so must this side, cancelled or not
        }

        @Override
        void refused(Throwable failure) {
            outbound.unlock(); // Twisted's _unlockFromSwitch
            fail(failure);
        }
    }

    /** A {@link #callRemoteString} call: the raw answer box, or a {@link RemoteAmpException}. */
    private final class RawCall extends PendingCall<Box> {
        @Override
        void answered(Box answer) {
            future.complete(answer);
        }

        @Override
        PendingCalls.Abandoned abandoned() {
            return answer -> {}; // no schema: which descriptors it names is not known
        }

        @Override
        void failed(String code, String description) {
            fail(new RemoteAmpException(code, description));
        }
    }
}
