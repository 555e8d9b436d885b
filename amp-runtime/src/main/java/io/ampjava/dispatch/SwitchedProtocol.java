package io.ampjava.dispatch;

import java.nio.ByteBuffer;

/**
 * The protocol a connection speaks after a protocol switch (Twisted's {@code ProtocolSwitchCommand}):
 * once the switch command is answered, every byte that follows goes here instead of to the AMP parser,
 * the bytes that came in the same read as the answer included.
 *
 * <p>Threads: {@link #connectionMade} runs once, first; {@link #dataReceived} then runs on the
 * connection's reader thread, one call at a time, and must not block for long (nothing else is read
 * meanwhile); {@link #connectionLost} runs once, on whichever thread closed the connection. An
 * exception thrown from {@code dataReceived} closes the connection.
 *
 * <pre>{@code
 * final class Echo implements SwitchedProtocol {
 *     private ProtocolChannel channel;
 *
 *     public void connectionMade(ProtocolChannel channel) { this.channel = channel; }
 *     public void dataReceived(ByteBuffer data) { channel.write(data); }
 *     public void connectionLost(Throwable cause) {}
 * }
 * }</pre>
 */
public interface SwitchedProtocol {
    /**
     * The switch happened; {@code channel} writes to the peer from now on (keep it).
     *
     * @param channel writes to the peer
     */
    void connectionMade(ProtocolChannel channel);

    /**
     * Bytes from the peer, in order. {@code data} is only valid during the call (the reader reuses
     * it): copy what you keep. Bytes left unread in it are dropped.
     *
     * @param data the bytes received
     */
    void dataReceived(ByteBuffer data);

    /**
     * The connection is closed: {@code cause} says why, as {@link AmpConnection#closeCause()} does
     * (an {@link java.io.EOFException} when the peer closed it).
     *
     * @param cause why the connection closed
     */
    void connectionLost(Throwable cause);
}
