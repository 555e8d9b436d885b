package io.ampjava.transport.tcp;

import io.ampjava.internal.io.ChannelWrites;
import io.ampjava.transport.Transport;
import io.ampjava.transport.TransportRole;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * A TCP connection over a blocking {@link SocketChannel}, with {@code TCP_NODELAY} on (AMP sends
 * small boxes and waits for answers: Nagle's delay would stall every call). It carries no file
 * descriptors. {@link #close()} from another thread wakes a blocked read or write (the JDK's
 * asynchronous close).
 */
public final class TcpTransport implements Transport {
    private final SocketChannel channel;
    private final String description;
    private final TransportRole role;

    /**
     * Takes a connected channel, makes it blocking and sets TCP_NODELAY. Its {@link #role()} is
     * {@link TransportRole#UNKNOWN}: use the other constructor when you know which side you are.
     *
     * @param channel a connected channel
     * @throws IOException if it cannot be configured
     */
    public TcpTransport(SocketChannel channel) throws IOException {
        this(channel, TransportRole.UNKNOWN);
    }

    /**
     * Takes a connected channel whose side is known: {@link TransportRole#CLIENT} after a connect,
     * {@link TransportRole#SERVER} after an accept (StartTLS follows it).
     *
     * @param channel a connected channel
     * @param role which side this is
     * @throws IOException if it cannot be configured
     */
    public TcpTransport(SocketChannel channel, TransportRole role) throws IOException {
        this.channel = channel;
        this.role = Objects.requireNonNull(role, "role");
        channel.configureBlocking(true);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        this.description = "tcp:" + format((InetSocketAddress) channel.getRemoteAddress());
    }

    /**
     * Connects to {@code host:port}, waiting as long as the system does; see {@link #connect(String, int, Duration)}.
     *
     * @param host a host name or address
     * @param port the port
     * @return the connected transport
     * @throws IOException as for {@link #connect(String, int, Duration)}
     */
    public static TcpTransport connect(String host, int port) throws IOException {
        return connect(host, port, null);
    }

    /**
     * Connects to {@code host:port}, giving up after {@code timeout} (null: as long as the system
     * waits, minutes for a host that does not answer).
     *
     * @param host a host name or address
     * @param port the port
     * @param timeout the bound, or null for the system's
     * @return the connected transport
     * @throws UnknownHostException if {@code host} does not resolve
     * @throws ConnectException if the connection is refused (nobody listens on the port)
     * @throws SocketTimeoutException if {@code timeout} passes first
     * @throws IOException for other failures (no route to the host, say)
     */
    public static TcpTransport connect(String host, int port, Duration timeout) throws IOException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        String description = "tcp:" + host + ":" + port;
        if (address.isUnresolved()) {
            throw new UnknownHostException("cannot connect to " + description + ": unknown host " + host);
        }
        SocketChannel channel = SocketChannel.open();
        try {
            // The socket's connect takes a timeout; the channel stays in blocking mode either way.
            channel.socket().connect(address, timeout == null ? 0 : (int) Math.max(1, Math.min(Integer.MAX_VALUE,
                    timeout.toMillis())));
            return new TcpTransport(channel, TransportRole.CLIENT);
        } catch (IOException e) {
            channel.close();
            throw sameKind(e, "cannot connect to " + description + ": " + e.getMessage());
        } catch (RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** {@code failure}'s own type (ConnectException, SocketTimeoutException...) with a message that names the address. */
    private static IOException sameKind(IOException failure, String message) {
        IOException renamed;
        if (failure instanceof ConnectException) {
            renamed = new ConnectException(message);
        } else if (failure instanceof SocketTimeoutException) {
            renamed = new SocketTimeoutException(message);
        } else if (failure instanceof NoRouteToHostException) {
            renamed = new NoRouteToHostException(message);
        } else if (failure instanceof UnknownHostException) {
            renamed = new UnknownHostException(message);
        } else {
            renamed = new IOException(message);
        }
        renamed.initCause(failure);
        return renamed;
    }

    @Override
    public int read(ByteBuffer dst, IntConsumer descriptors) throws IOException {
        if (!dst.hasRemaining()) {
            return 0;
        }
        return channel.read(dst);
    }

    @Override
    public void write(ByteBuffer[] srcs) throws IOException {
        ChannelWrites.writeFully(channel, srcs);
    }

    /**
     * Reads what has arrived into {@code dst}'s room, waiting a millisecond at most (a TCP socket
     * cannot be asked for a hang-up without reading): the end of stream shows once the bytes before
     * it fit.
     */
    @Override
    public int pollWhilePaused(ByteBuffer dst, IntConsumer descriptors) throws IOException {
        if (!dst.hasRemaining()) {
            return 0;
        }
        Socket socket = channel.socket();
        // Bounds reads through the socket's stream only; the channel's own reads still block.
        socket.setSoTimeout(1);
        byte[] chunk = new byte[Math.min(dst.remaining(), 8192)];
        int n;
        try {
            n = socket.getInputStream().read(chunk);
        } catch (SocketTimeoutException nothingYet) {
            return 0;
        }
        if (n < 0) {
            return -1;
        }
        dst.put(chunk, 0, n);
        return n;
    }

    @Override
    public void shutdownOutput() throws IOException {
        if (channel.isOpen()) {
            try {
                channel.shutdownOutput();
            } catch (java.nio.channels.NotYetConnectedException | java.nio.channels.ClosedChannelException ignored) {
                // Already shut or closed: nothing left to do.
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public TransportRole role() {
        return role;
    }

    @Override
    public String toString() {
        return "TcpTransport[" + description + "]";
    }

    /** {@code host:port}, with brackets around an IPv6 literal. */
    static String format(InetSocketAddress address) {
        String host = address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
