package io.ampjava.transport;

import java.io.Closeable;
import java.io.IOException;

/**
 * A bound, listening server socket that yields one {@link Transport} per accepted connection:
 * {@code io.ampjava.transport.unix.UnixListeningSocket} or
 * {@code io.ampjava.transport.tcp.TcpListeningSocket}. {@code io.ampjava.server.AmpServer} runs the accept loop.
 */
public interface ListeningSocket extends Closeable {
    /**
     * Blocks until a peer connects and returns its transport (the caller owns it).
     *
     * @return the accepted connection's transport
     * @throws java.nio.channels.ClosedChannelException once {@link #close()} was called, also when
     *     called from another thread while this one waits
     */
    Transport accept() throws IOException;

    /** {@return where peers connect, e.g. {@code unix:/run/amp.sock} or {@code tcp:127.0.0.1:41234}} */
    String address();

    /** {@return the TCP port (useful after binding port 0), or -1 for a Unix socket} */
    int port();

    /** Stops listening and wakes a thread blocked in {@link #accept()}. Idempotent. */
    @Override
    void close() throws IOException;
}
