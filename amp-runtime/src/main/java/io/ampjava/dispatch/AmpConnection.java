package io.ampjava.dispatch;

import io.ampjava.tls.TlsOptions;
import io.ampjava.transport.Transport;
import io.ampjava.types.ArgumentContext;
import io.ampjava.wire.AmpKeys;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxEncoder;
import io.ampjava.wire.ProtocolException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
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

    private final ConnectionTransport transport;
    private final OutboundQueue outbound;
    private final DescriptorExchange descriptors;
    private final boolean ordersDescriptors;
    private final PendingCalls<PendingCall<?>> pending = new PendingCalls<>();
    private final AtomicLong lastTag = new AtomicLong();
    private final ConnectionLimits limits;
    private final ProtocolSwitching switching;
    private final StartTlsNegotiation tls;
    private final RequestHandler requests;
    private final ReadLoop reader;
    private final ConnectionShutdown shutdown;

    private AmpConnection(Transport transport, ResponderLocator locator, ConnectionOptions options) {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(options, "options");
        this.transport = new ConnectionTransport(transport);
        this.outbound = new OutboundQueue(this.transport, new OutboundQueue.Listener() {
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
        }, options.memoryBudget());
        this.descriptors = new DescriptorExchange(this.transport, outbound, options.maxNestingDepth(),
                options.maxLargeValueBytes());
        this.limits = new ConnectionLimits(options, outbound, pending, descriptors);
        this.ordersDescriptors = transport.canPassDescriptors();
        this.switching = new ProtocolSwitching(this, outbound, descriptors);
        this.tls = new StartTlsNegotiation(this, this.transport, outbound, switching, locator);
        this.requests = new RequestHandler(this, locator, options.responderExecutor(), limits, outbound, tls,
                switching);
        this.reader = new ReadLoop(this, options, this.transport, outbound, descriptors, limits, pending, requests,
                tls, switching);
        this.shutdown = new ConnectionShutdown(this.transport, outbound, pending, limits, descriptors, requests,
                switching, reader);
    }

    /**
     * Starts serving {@code transport}: a reader thread parses incoming boxes, answers requests with
     * {@code locator} and completes calls. The connection owns the transport from now on and closes
     * it when the connection closes.
     *
     * @param transport the transport, owned by the connection from now on
     * @param locator answers the peer's calls
     * @return the open connection
     */
    public static AmpConnection open(Transport transport, ResponderLocator locator) {
        return open(transport, locator, ConnectionOptions.defaults());
    }

    /**
     * The same, with a thread name, a responder executor, limits or timeouts.
     *
     * @param transport the transport, owned by the connection from now on
     * @param locator answers the peer's calls
     * @param options a thread name, a responder executor, limits, timeouts
     * @return the open connection
     * @throws OutOfMemoryError when the reader thread cannot start (the process is at its thread
     *     limit, say); the transport is closed then
     */
    public static AmpConnection open(Transport transport, ResponderLocator locator, ConnectionOptions options) {
        AmpConnection connection = new AmpConnection(transport, locator, options);
        try {
            connection.reader.start();
            ConnectionWatch watch = ConnectionWatch.start(connection, options, connection.reader, connection.outbound,
                    connection.limits, connection.pending);
            connection.shutdown.watchedBy(watch);
            if (watch != null && !connection.isOpen()) {
                watch.stop(); // closed before the watch was known to the shutdown (the peer left at once)
            }
        } catch (Throwable failure) {
            // No reader thread or no timer (the process may be at its thread limit): nothing would
            // ever read, watch or close this transport, so close it now.
            connection.shutdown(failure);
            throw failure;
        }
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
     * <p>A value that cannot be sent fails the future, and nothing is sent: a key or value too long
     * ({@link io.ampjava.wire.TooLongException}; the tag is consumed, as in Twisted), or whatever the
     * arguments' codec throws (a value it cannot encode, a {@code Descriptor} on a transport that cannot
     * carry one; no tag is consumed).
     *
     * @param <A> the arguments' type
     * @param <R> the response's type
     * @param command the command
     * @param arguments its arguments
     * @return the response, when it comes
     * @throws IllegalArgumentException when {@code command} switches protocol or is StartTLS (use
     *     {@link #switchProtocol} or {@link #startTls})
     */
    public <A, R> CompletableFuture<R> callRemote(Command<A, R> command, A arguments) {
        Objects.requireNonNull(command, "command");
        if (command.switchesProtocol()) {
            throw new IllegalArgumentException(command.name() + " switches protocol: call it with switchProtocol");
        }
        refuseStartTls(command.name());
        if (!acceptsCalls()) {
            return CompletableFuture.failedFuture(lost());
        }
        CallRejectedException refused = limits.refuseCall(command.requiresAnswer());
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        TypedCall<R> call = command.requiresAnswer() ? new TypedCall<>(this, command) : null;
        boolean queued;
        try {
            if (ordersDescriptors) {
                // Descriptor ordinals are given out while the codec runs: keep them in wire order.
                synchronized (outbound) {
                    queued = sendTyped(command, arguments, call);
                }
            } else {
                queued = sendTyped(command, arguments, call);
            }
        } catch (RuntimeException unsendable) {
            // A value the codec cannot encode, or that is too long: nothing was queued.
            return CompletableFuture.failedFuture(unsendable);
        }
        reader.flushSoon();
        if (call != null) {
            return limits.withTimeout(call, command.name(), this);
        }
        return queued ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(refusal());
    }

    /**
     * Calls {@code command} with raw argument bytes and no schema; the future completes with the
     * whole answer box ({@code _answer} included) or fails with {@link RemoteAmpException} /
     * {@link UnhandledCommandException} / {@link ConnectionLostException}, or with
     * {@link io.ampjava.wire.TooLongException} when a key or value is too long (nothing is sent).
     * {@code arguments} is not modified.
     *
     * @param command the command's wire name
     * @param arguments the argument keys and values
     * @return the answer box, when it comes
     */
    public CompletableFuture<Box> callRemoteString(String command, Box arguments) {
        refuseStartTls(command);
        byte[] name = command.getBytes(StandardCharsets.UTF_8);
        Box box = arguments.copy();
        if (!acceptsCalls()) {
            return CompletableFuture.failedFuture(lost());
        }
        CallRejectedException refused = limits.refuseCall(true);
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        RawCall call = new RawCall(this);
        try {
            if (ordersDescriptors) {
                synchronized (outbound) {
                    send(name, box, call);
                }
            } else {
                send(name, box, call);
            }
        } catch (RuntimeException unsendable) {
            return CompletableFuture.failedFuture(unsendable); // a key or value too long: nothing was queued
        }
        reader.flushSoon();
        return limits.withTimeout(call, command, this);
    }

    /**
     * Sends {@code command} without {@code _ask}: no answer will come. The tag counter still advances.
     * On a closed connection nothing is sent and nothing is thrown, as in Twisted.
     *
     * @param command the command's wire name
     * @param arguments the argument keys and values
     * @throws io.ampjava.wire.TooLongException when a key or value is too long; nothing is sent
     * @throws CallRejectedException when the outgoing queue is full; nothing is sent
     * @throws ProtocolSwitchedException when the connection switched protocol, or waits for the
     *     answer to its switch request; nothing is sent
     */
    public void callRemoteStringNoAnswer(String command, Box arguments) {
        refuseStartTls(command);
        byte[] name = command.getBytes(StandardCharsets.UTF_8);
        Box box = arguments.copy();
        if (!acceptsCalls()) {
            return;
        }
        CallRejectedException refused = limits.refuseCall(false);
        if (refused != null) {
            throw refused;
        }
        if (!send(name, box, null) && isOpen() && outbound.isLocked()) {
            throw switching.refusal();
        }
        reader.flushSoon();
    }

    // ---------------------------------------------------------------------------------------------
    // StartTLS and protocol switches

    /**
     * Asks the peer to start TLS (Twisted's {@code StartTLS}: the request is {@code _command StartTLS}
     * with {@code _ask} and nothing else). Every box sent from now on, by any thread, is held back
     * until the answer; then TLS starts and they go through it. The TLS roles follow the connection's:
     * the side that connected is the TLS client, whoever asked.
     *
     * <p>The future completes once the handshake is done. It fails with {@link io.ampjava.tls.PeerVerifyException}
     * when the handshake fails or the peer closes the connection during it (the connection closes,
     * and every outstanding call fails with the same exception); with {@link RemoteAmpException}
     * (code {@code TLS_ERROR}) or {@link UnhandledCommandException} when the peer refuses, and then
     * the held boxes go out in the clear and the connection carries on; with
     * {@link io.ampjava.tls.OnlyOneTlsException} when TLS is started or starting already; with an
     * {@link javax.net.ssl.SSLException} when the options do not fit this connection (say, this side would be the
     * TLS server and has no certificate); in these last cases nothing is sent.
     *
     * <pre>{@code
     * connection.startTls(TlsOptions.builder().trustAnchors(ca).build()).get(10, TimeUnit.SECONDS);
     * }</pre>
     *
     * @param options the TLS identity, trust and checks
     * @return completes once the handshake is done
     */
    public CompletableFuture<Void> startTls(TlsOptions options) {
        Objects.requireNonNull(options, "options");
        return tls.start(options);
    }

    /** {@return the TLS session, once TLS runs: the peer's certificates, the protocol and cipher suite} */
    public Optional<SSLSession> tlsSession() {
        return tls.session();
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
     * @param <A> the arguments' type
     * @param <P> the protocol's type
     * @param command a command that switches protocol
     * @param arguments its arguments
     * @param protocol the protocol that takes over the connection
     * @return the protocol, once it runs
     * @throws IllegalArgumentException when {@code command} does not switch protocol
     */
    public <A, P extends SwitchedProtocol> CompletableFuture<P> switchProtocol(Command<A, ?> command, A arguments,
            P protocol) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(protocol, "protocol");
        if (!command.switchesProtocol()) {
            throw new IllegalArgumentException(command.name() + " does not switch protocol: call it with callRemote");
        }
        try {
            return switching.call(command, arguments, protocol);
        } catch (RuntimeException unsendable) {
            return CompletableFuture.failedFuture(unsendable); // as for callRemote: nothing was sent
        }
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

    // ---------------------------------------------------------------------------------------------
    // Sending requests

    /** Why a box was not queued: a protocol switch, or the connection's end. */
    private RuntimeException refusal() {
        return isOpen() && outbound.isLocked() ? switching.refusal() : lost();
    }

    private <A, R> boolean sendTyped(Command<A, R> command, A arguments, TypedCall<R> call) {
        Box box = EncodingScratch.box(); // encoded into the frame and forgotten: no new box per call
        try {
            command.arguments().write(arguments, box, descriptors);
            return send(command.nameBytes(), box, call);
        } finally {
            EncodingScratch.release(box);
        }
    }

    /**
     * Tags, encodes and queues one request; {@code call} is null when no answer is wanted. The box is
     * encoded here and must not be used afterwards (its tag array is this thread's scratch). Runs under
     * the outbound lock when descriptors may be involved. Does not flush. A refused call is failed
     * here: its future has not reached the caller yet, so no callback runs under the lock.
     *
     * @return whether the request was queued
     */
    boolean send(byte[] name, Box box, PendingCall<?> call) {
        box.put(AmpKeys.COMMAND_KEY, name);
        // The tag is consumed before encoding, so a TooLong request skips a number (Twisted does).
        long tag = lastTag.incrementAndGet();
        if (call != null) {
            box.put(AmpKeys.ASK_KEY, EncodingScratch.tag(tag)); // copied into the frame right below
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

    /** See {@link ReadLoop#flushSoon}. */
    void flushSoon() {
        reader.flushSoon();
    }

    // ---------------------------------------------------------------------------------------------
    // State and closing

    /** {@return the descriptor exchange of this connection, for argument types} */
    public ArgumentContext argumentContext() {
        return descriptors;
    }

    /**
     * Completes, normally, once the connection is closed and every outstanding call has failed (the
     * transport is closed, and received descriptors nobody claimed are closed), with why it closed:
     * this side closed it, it closed after a closing answer, the peer closed it, or it failed.
     *
     * @return the future of the closing, with why it closed
     */
    public CompletableFuture<CloseReason> closeFuture() {
        return shutdown.future();
    }

    /** {@return why the connection closed, or null while it is open} */
    public CloseReason closeReason() {
        return shutdown.reason();
    }

    /**
     * Whether the connection is open: it reads and writes. A graceful close
     * ({@link #closeGracefully}) keeps it open, refusing new calls, until the work in progress is done.
     *
     * @return whether it is open
     */
    public boolean isOpen() {
        return shutdown.isOpen();
    }

    /** Whether a new call may start: open, and not draining for a graceful close. */
    boolean acceptsCalls() {
        return shutdown.acceptsCalls();
    }

    /**
     * Why the connection closed: an {@link EOFException} when the peer closed it, the I/O error, the
     * {@link ProtocolException} or remote {@link io.ampjava.wire.TooLongException} that closed it;
     * null while it is open. {@link #closeReason()} also says who closed it.
     *
     * @return the cause, or null while open
     */
    public Throwable closeCause() {
        CloseReason reason = shutdown.reason();
        return reason == null ? null : reason.cause();
    }

    /** {@return the transport's description, e.g. {@code unix:/tmp/amp.sock}} */
    public String describe() {
        return transport.describe();
    }

    /**
     * Closes the connection now; outstanding calls fail with {@link ConnectionLostException}.
     * Idempotent; does not wait for a flush in progress (its write fails), so it never blocks for
     * long. Over TLS, when nothing is being written, it says TLS's {@code close_notify} first, so the
     * peer sees a clean end.
     */
    @Override
    public void close() {
        shutdown.close(CloseReason.Kind.CLOSED_HERE, new IOException(transport.describe() + ": closed by this side"), false);
    }

    /**
     * Closes the connection in order: refuses new calls at once (they fail with
     * {@link ConnectionLostException}), lets the calls in flight get their answers, the peer's
     * requests in progress be answered and everything queued be written, for at most
     * {@code timeout}; then ends the output stream (with TLS's {@code close_notify}) and closes.
     * Calls still waiting then fail as for {@link #close()}.
     *
     * @param timeout how long the work in progress may take
     * @return the {@link #closeFuture()}
     */
    public CompletableFuture<CloseReason> closeGracefully(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return shutdown.closeGracefully(timeout);
    }

    @Override
    public String toString() {
        return "AmpConnection[" + transport.describe() + (isOpen() ? "" : ", closed") + "]";
    }

    /** After a fatal error or a closing answer was written: flush the end of stream, then close. */
    private void closeAfterClosingAnswer() {
        shutdown.close(CloseReason.Kind.CLOSED_AFTER_ANSWER, new IOException(transport.describe()
                + (switching.isSwitched() ? ": closed by the protocol it switched to" : ": closed after a closing answer")),
                true);
    }

    /** The connection failed (a protocol violation, an I/O error, a timeout): closes it. */
    void shutdown(Throwable cause) {
        shutdown.fail(cause);
    }

    /** The peer ended the stream. */
    void closedByPeer(Throwable endOfStream) {
        shutdown.close(CloseReason.Kind.CLOSED_BY_PEER, endOfStream, false);
    }

    ConnectionLostException lost() {
        return shutdown.lost();
    }

    // What the connection's parts share; package-private.

    PendingCalls<PendingCall<?>> pendingCalls() {
        return pending;
    }

    DescriptorExchange descriptorExchange() {
        return descriptors;
    }

    boolean isReaderThread() {
        return reader.isReaderThread();
    }
}
