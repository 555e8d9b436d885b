package io.ampjava.transport.tcp;

import io.ampjava.internal.io.ChannelWrites;
import io.ampjava.transport.Transport;
import io.ampjava.transport.TransportRole;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
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
     */
    public TcpTransport(SocketChannel channel) throws IOException {
        this(channel, TransportRole.UNKNOWN);
    }

    /**
     * Takes a connected channel whose side is known: {@link TransportRole#CLIENT} after a connect,
     * {@link TransportRole#SERVER} after an accept (StartTLS follows it).
     */
    public TcpTransport(SocketChannel channel, TransportRole role) throws IOException {
        this.channel = channel;
        this.role = Objects.requireNonNull(role, "role");
        channel.configureBlocking(true);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        this.description = "tcp:" + format((InetSocketAddress) channel.getRemoteAddress());
    }

    /** Connects to {@code host:port}. */
    public static TcpTransport connect(String host, int port) throws IOException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IOException("cannot resolve host " + host);
        }
        SocketChannel channel = SocketChannel.open();
        try {
            channel.connect(address);
            return new TcpTransport(channel, TransportRole.CLIENT);
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot connect to tcp:" + host + ":" + port + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            channel.close();
            throw e;
        }
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
