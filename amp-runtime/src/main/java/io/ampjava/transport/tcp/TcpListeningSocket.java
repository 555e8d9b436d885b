package io.ampjava.transport.tcp;

import io.ampjava.transport.ListeningSocket;
import io.ampjava.transport.TransportRole;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** A listening TCP socket; port 0 picks a free port ({@link #port()} tells which). */
public final class TcpListeningSocket implements ListeningSocket {
    private final ServerSocketChannel channel;
    private final String address;
    private final int port;

    private TcpListeningSocket(ServerSocketChannel channel) throws IOException {
        this.channel = channel;
        InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
        this.port = local.getPort();
        this.address = "tcp:" + TcpTransport.format(local);
    }

    /**
     * Listens on {@code host:port} ({@code SO_REUSEADDR} on, so a restart does not wait for TIME_WAIT).
     *
     * @param host the address to bind, e.g. {@code "127.0.0.1"}
     * @param port the port, or 0 for a free one
     * @return the listening socket
     * @throws IOException if the port cannot be bound
     */
    public static TcpListeningSocket bind(String host, int port) throws IOException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IOException("cannot resolve host " + host);
        }
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(address);
            return new TcpListeningSocket(channel);
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot listen on tcp:" + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public TcpTransport accept() throws IOException {
        SocketChannel accepted = channel.accept();
        try {
            return new TcpTransport(accepted, TransportRole.SERVER);
        } catch (IOException | RuntimeException e) {
            accepted.close();
            throw e;
        }
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return "TcpListeningSocket[" + address + "]";
    }
}
