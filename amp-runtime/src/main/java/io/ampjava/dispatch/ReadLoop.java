package io.ampjava.dispatch;

import io.ampjava.internal.io.DirectBuffers;
import io.ampjava.wire.AmpKeys;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxDecoder;
import io.ampjava.wire.Bytes;
import io.ampjava.wire.ProtocolException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The reader thread of one connection: reads the transport, parses boxes and routes each by its
 * role keys, in Twisted's order — {@code _answer} completes a call, {@code _error} fails one,
 * {@code _command} is a request for the {@link RequestHandler}, anything else (the empty box
 * included) is a protocol violation that closes the connection. After a StartTLS or a protocol
 * switch settles, the bytes that follow go to TLS or to the new protocol instead.
 */
final class ReadLoop {
    /** After a read of at least this many boxes, the next read is answered in {@link #PARTS_PER_READ} writes. */
    private static final int PARTIAL_WRITES_FROM = 8;
    private static final int PARTS_PER_READ = 4;
    private static final System.Logger LOG = System.getLogger(AmpConnection.class.getName());

    private final AmpConnection connection;
    private final ConnectionTransport transport;
    private final OutboundQueue outbound;
    private final DescriptorExchange descriptors;
    private final ConnectionLimits limits;
    private final PendingCalls<PendingCall<?>> pending;
    private final RequestHandler requests;
    private final StartTlsNegotiation tls;
    private final ProtocolSwitching switching;
    private final BoxDecoder decoder;
    private final int readBufferSize;
    private final Thread thread;
    /** Reader thread only: true while the boxes of one read are dispatched; see {@link #flushSoon}. */
    private boolean batch;
    /** Reader thread only: boxes parsed so far. */
    private int boxCount;
    /** Reader thread only: boxes of the previous read; see {@link #route}. */
    private int previousReadBoxes;
    /** Reader thread only: boxes per partial write in this read (0: none), and boxes until the next. */
    private int partBoxes;
    private int untilPartWritten;
    /** {@link #boxCount} as of the end of the last read, for an idle watch on another thread. */
    private volatile int boxesReceived;

    ReadLoop(AmpConnection connection, ConnectionOptions options, ConnectionTransport transport, OutboundQueue outbound,
            DescriptorExchange descriptors, ConnectionLimits limits, PendingCalls<PendingCall<?>> pending,
            RequestHandler requests, StartTlsNegotiation tls, ProtocolSwitching switching) {
        this.connection = connection;
        this.transport = transport;
        this.outbound = outbound;
        this.descriptors = descriptors;
        this.limits = limits;
        this.pending = pending;
        this.requests = requests;
        this.tls = tls;
        this.switching = switching;
        this.decoder = new BoxDecoder(options.maxKeysPerBox(), options.maxBoxBytes());
        this.readBufferSize = options.readBufferSize();
        String name = options.threadName() != null ? options.threadName() : "amp-reader " + transport.describe();
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    boolean isReaderThread() {
        return Thread.currentThread() == thread;
    }

    /** Whether this is the reader thread, dispatching the boxes of one read (whose writes wait for its end). */
    boolean isBatchingHere() {
        return batch && isReaderThread();
    }

    /**
     * Writes what is queued, except on the reader thread while it dispatches a read: then the
     * reader writes after the last box of the read, combining every answer and every call made by
     * callbacks into one write (as Twisted's transport buffers writes until the reactor loop comes
     * round), or after each quarter of a read when reads bring many boxes (see {@link #route}).
     */
    void flushSoon() {
        if (isBatchingHere()) {
            return;
        }
        outbound.flush();
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(readBufferSize);
        try {
            Throwable cause = readUntilClosed(buffer);
            if (cause instanceof EOFException) {
                connection.closedByPeer(cause);
            } else {
                connection.shutdown(cause);
            }
        } finally {
            // Only this thread uses the buffer, so its native memory can go back now, not at some
            // GC; unless a switched protocol was shown views of it, which it might (wrongly) keep.
            if (!switching.isSwitched()) {
                DirectBuffers.free(buffer);
            }
        }
    }

    /** Reads and dispatches until the connection closes or fails; returns why it ended. */
    private Throwable readUntilClosed(ByteBuffer buffer) {
        buffer.limit(0); // nothing read yet
        IntConsumer received = descriptors::received;
        BoxDecoder.Sink sink = box -> {
            boxCount++;
            boxReceived(box);
            if (tls.isSettled() || switching.isSwitched()) {
                decoder.stop(); // the bytes after this box are TLS's or the new protocol's
            } else if (partBoxes > 0 && --untilPartWritten == 0) {
                untilPartWritten = partBoxes;
                outbound.flush();
            }
        };
        try {
            while (true) {
                awaitCapacity(buffer, received);
                // The dispatch may have stopped mid-buffer at a limit: finish those bytes first.
                if (!buffer.hasRemaining()) {
                    buffer.clear();
                    int count = transport.get().read(buffer, received);
                    if (count < 0) {
                        return new EOFException(transport.describe() + ": the peer closed the connection");
                    }
                    buffer.flip();
                }
                route(buffer, sink);
                if (boxesReceived != boxCount) {
                    boxesReceived = boxCount;
                }
                limits.decoderHolds(decoder.bufferedBytes());
                limits.checkPendingDescriptors();
                if (!connection.isOpen()) {
                    return connection.closeCause();
                }
            }
        } catch (Throwable failure) {
            if (connection.isOpen()) {
                LOG.log(System.Logger.Level.DEBUG, () -> "closing " + transport.describe(), failure);
            }
            return failure;
        }
    }

    /**
     * Waits while the connection must not read (a limit, see {@link ConnectionLimits#mustPause}),
     * watching for the peer to hang up meanwhile: a peer that leaves a paused connection must not
     * leave it open.
     */
    private void awaitCapacity(ByteBuffer buffer, IntConsumer received) throws IOException, InterruptedException {
        while (connection.isOpen() && limits.mustPause()) {
            if (peerHungUp(buffer, received)) {
                throw new EOFException(transport.describe()
                        + ": the peer closed the connection while it was paused at a limit");
            }
            limits.awaitChange();
        }
        limits.checkPendingDescriptors();
    }

    /**
     * Asks the transport whether the peer hung up; one that must read to tell puts what it read
     * after the bytes not parsed yet, in the buffer's room.
     */
    private boolean peerHungUp(ByteBuffer buffer, IntConsumer received) throws IOException {
        buffer.compact(); // the unparsed bytes move to the front; the room after them is free
        try {
            return transport.get().pollWhilePaused(buffer, received) < 0;
        } finally {
            buffer.flip();
        }
    }

    /** How many boxes the reader had parsed at the end of its last read: an idle watch compares it. */
    int boxesReceived() {
        return boxesReceived;
    }

    /**
     * Hands bytes read to the AMP parser; or to the protocol switched to; or, when StartTLS
     * completed within them, the bytes after the StartTLS box to TLS.
     */
    private void route(ByteBuffer buffer, BoxDecoder.Sink sink) throws InterruptedException {
        if (switching.deliver(buffer)) {
            return;
        }
        batch = true;
        // What the boxes of a read queue (answers, calls made by callbacks) goes out in few writes:
        // one per read, or one per quarter of a read when reads bring many boxes, sized from the
        // previous read. The peer then starts on the first quarter while this thread dispatches the
        // rest, where one write per read would have the two ends take turns with a whole window
        // each, one of them idle. Everything is written before the reader waits for capacity or
        // TLS or a switched protocol takes over. If feed throws, batch stays set, and shutdown
        // writes what was queued before closing.
        int first = boxCount;
        partBoxes = previousReadBoxes >= PARTIAL_WRITES_FROM ? previousReadBoxes / PARTS_PER_READ : 0;
        untilPartWritten = partBoxes;
        decoder.feed(buffer, sink);
        previousReadBoxes = boxCount - first;
        batch = false;
        outbound.flush();
        if (tls.beginIfSettled(buffer)) {
            return;
        }
        switching.deliver(buffer);
    }

    /** Routes one incoming box by its role keys, in Twisted's order. */
    private void boxReceived(Box box) {
        if (!connection.isOpen()) {
            decoder.stop();
            return;
        }
        byte[] tag = box.get(AmpKeys.ANSWER_KEY);
        if (tag != null) {
            PendingCall<?> call = takeCall(tag, AmpKeys.ANSWER, box);
            if (call != null) {
                call.answered(box);
            }
            if (call == null || !call.keepsAnswer()) {
                decoder.recycle(box); // decoded into the call's result, or dropped: nobody holds it
            }
            return;
        }
        tag = box.get(AmpKeys.ERROR_KEY);
        if (tag != null) {
            errorReceived(tag, box);
            decoder.recycle(box);
            return;
        }
        if (box.containsKey(AmpKeys.COMMAND_KEY)) {
            if (requests.commandReceived(box)) {
                decoder.recycle(box);
            }
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
        if (Arrays.equals(code, RequestHandler.UNHANDLED_CODE)) {
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
}
