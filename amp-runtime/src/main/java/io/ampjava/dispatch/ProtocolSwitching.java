package io.ampjava.dispatch;

import io.ampjava.wire.AmpKeys;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxEncoder;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * One connection's protocol switch (Twisted's {@code ProtocolSwitchCommand}), from either side:
 * calling a switching command ({@link #call}) or answering one ({@link #switchAfterAnswer}). After
 * the switch, AMP is over: the reader hands every byte to the {@link SwitchedSession}.
 */
final class ProtocolSwitching {
    private final AmpConnection connection;
    private final OutboundQueue outbound;
    private final DescriptorExchange descriptors;
    // Set on the reader thread (a switch call answered) or by the thread that answers a switch
    // request; read by the reader, which hands it the bytes after the switch.
    private volatile SwitchedSession switched;

    ProtocolSwitching(AmpConnection connection, OutboundQueue outbound, DescriptorExchange descriptors) {
        this.connection = connection;
        this.outbound = outbound;
        this.descriptors = descriptors;
    }

    /** Sends a switching command; see {@link AmpConnection#switchProtocol}. */
    <A, P extends SwitchedProtocol> CompletableFuture<P> call(Command<A, ?> command, A arguments, P protocol) {
        if (!connection.acceptsCalls()) {
            return CompletableFuture.failedFuture(connection.lost());
        }
        SwitchCall<P> call = new SwitchCall<>(command, protocol);
        synchronized (outbound) {
            if (outbound.isLocked()) {
                return CompletableFuture.failedFuture(refusal());
            }
            Box box = new Box();
            command.arguments().write(arguments, box, descriptors);
            if (connection.send(command.nameBytes(), box, call)) {
                outbound.lock(); // Twisted's _lockForSwitch
            }
        }
        outbound.flush();
        return call;
    }

    /** Answers {@code _answer} alone, then nothing but {@code protocol}'s bytes (Twisted's {@code _SwitchBox}). */
    void switchAfterAnswer(byte[] ask, SwitchedProtocol protocol) {
        if (ask == null || !connection.isOpen()) {
            return; // Twisted switches as it sends the answer: no answer, no switch
        }
        SwitchedSession session = new SwitchedSession(protocol, connection, outbound);
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

    /** Whether the connection has switched: the bytes after the current box are the new protocol's. */
    boolean isSwitched() {
        return switched != null;
    }

    /**
     * On the reader thread: hands what is left of {@code buffer} to the protocol switched to.
     *
     * @return false when the connection has not switched (the bytes are AMP's)
     */
    boolean deliver(ByteBuffer buffer) throws InterruptedException {
        SwitchedSession session = switched;
        if (session == null) {
            return false;
        }
        if (buffer.hasRemaining()) {
            session.deliver(buffer);
        }
        return true;
    }

    /** The connection closed: tells the protocol switched to, if any. */
    void connectionLost(Throwable cause) {
        SwitchedSession session = switched;
        if (session != null) {
            session.lost(cause);
        }
    }

    /** Why a box may not be sent: the connection switched, or waits for its switch's answer. */
    ProtocolSwitchedException refusal() {
        return new ProtocolSwitchedException(connection.describe() + (switched != null
                ? " switched to another protocol: no AMP traffic allowed"
                : " waits for the answer to its protocol switch: no AMP traffic allowed until then"));
    }

    /** A {@link #call}: on the answer the protocol takes over; on an error AMP goes on. */
    private final class SwitchCall<P extends SwitchedProtocol> extends PendingCall<P> {
        private final Command<?, ?> command;
        private final P protocol;

        SwitchCall(Command<?, ?> command, P protocol) {
            super(ProtocolSwitching.this.connection);
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
            SwitchedSession session = new SwitchedSession(protocol, connection, outbound);
            switched = session; // on the reader thread, which hands the bytes after this box over
            session.start();
            complete(protocol);
        }

        @Override
        void failed(String code, String description) {
            refused(command.failureFor(code, description));
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
}
