package io.ampjava.dispatch;

import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A connection after a protocol switch: hands the bytes read to the {@link SwitchedProtocol} and
 * its writes to the connection's queue, which refuses boxes by now.
 */
final class SwitchedSession implements ProtocolChannel {
    private final SwitchedProtocol protocol;
    private final AmpConnection connection;
    private final OutboundQueue outbound;
    // connectionMade may run on the thread that answered while the reader already has data for the
    // protocol: the reader waits for it.
    private final CountDownLatch made = new CountDownLatch(1);
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean lost = new AtomicBoolean();

    SwitchedSession(SwitchedProtocol protocol, AmpConnection connection, OutboundQueue outbound) {
        this.protocol = protocol;
        this.connection = connection;
        this.outbound = outbound;
    }

    SwitchedProtocol protocol() {
        return protocol;
    }

    /** Calls {@code connectionMade}, once; the first caller runs it. */
    void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        try {
            protocol.connectionMade(this);
        } finally {
            made.countDown();
        }
        // A close while connectionMade ran could not tell the protocol yet (see lost): do it now.
        if (!connection.isOpen()) {
            lost(connection.closeCause());
        }
    }

    /** On the reader thread: the bytes that follow the switch. */
    void deliver(ByteBuffer data) throws InterruptedException {
        made.await();
        protocol.dataReceived(data.asReadOnlyBuffer());
        data.position(data.limit());
    }

    /**
     * The connection closed; tells the protocol once, and only after {@code connectionMade} has
     * returned (otherwise {@link #start} does it when it ends).
     */
    void lost(Throwable cause) {
        if (made.getCount() == 0 && lost.compareAndSet(false, true)) {
            protocol.connectionLost(cause);
        }
    }

    @Override
    public boolean write(ByteBuffer data) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        if (bytes.length == 0) {
            return connection.isOpen();
        }
        if (!outbound.enqueueBytes(bytes, false)) {
            return false;
        }
        outbound.flush();
        return true;
    }

    @Override
    public void close() {
        // An empty closing entry: written after everything before it, then the orderly close.
        if (outbound.enqueueBytes(new byte[0], true)) {
            outbound.flush();
        }
    }

    @Override
    public void abort() {
        connection.close();
    }

    @Override
    public boolean isOpen() {
        return connection.isOpen();
    }

    @Override
    public AmpConnection connection() {
        return connection;
    }

    @Override
    public String toString() {
        return "ProtocolChannel[" + connection.describe() + "]";
    }
}
