package io.ampjava.dispatch;

import java.nio.ByteBuffer;

/**
 * How a {@link SwitchedProtocol} writes to its peer: the connection's transport (through TLS when
 * the connection started TLS), with no AMP framing. Any thread may write.
 */
public interface ProtocolChannel {
    /**
     * Queues the remaining bytes of {@code data} (copied; the buffer is consumed) and writes them,
     * blocking while the peer does not read, like every write of a connection.
     *
     * @param data the bytes to send
     * @return false when the connection is closed or closing: nothing was sent
     */
    boolean write(ByteBuffer data);

    /**
     * {@link #write(ByteBuffer)} of a whole array.
     *
     * @param data the bytes to send
     * @return false when the connection is closed or closing: nothing was sent
     */
    default boolean write(byte[] data) {
        return write(ByteBuffer.wrap(data));
    }

    /**
     * Closes the connection once everything written so far has gone out: the peer reads all of it,
     * then the end of the stream (Twisted's {@code loseConnection}).
     */
    void close();

    /** Closes the connection now; bytes not yet written are dropped (Twisted's {@code abortConnection}). */
    void abort();

    /** {@return whether the connection is still open} */
    boolean isOpen();

    /** {@return the connection this protocol took over (for its {@link AmpConnection#describe()}, say)} */
    AmpConnection connection();
}
