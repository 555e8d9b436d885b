package io.ampjava;

import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ConnectionOptions;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.server.AmpServer;
import io.ampjava.server.ServerOptions;
import io.ampjava.transport.Transport;
import io.ampjava.transport.tcp.TcpListeningSocket;
import io.ampjava.transport.tcp.TcpTransport;
import io.ampjava.transport.unix.PeerAllowlist;
import io.ampjava.transport.unix.UnixListeningSocket;
import io.ampjava.transport.unix.UnixTransport;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Entry points for AMP clients and servers over Unix sockets and TCP.
 *
 * <pre>{@code
 * // server: a new locator (and so new per-connection state) for every connection
 * AmpServer server = Amp.listenUnix(Path.of("/run/app/amp.sock"), () -> new ServiceLocator(new Service()));
 *
 * // client
 * try (AmpConnection connection = Amp.connectUnix(Path.of("/run/app/amp.sock"), ResponderLocator.NONE)) {
 *     SumCommand.call(connection, 13, 81).join();
 * }
 * }</pre>
 *
 * Every method has a form that takes options: {@link ConnectionOptions} for a client (timeouts,
 * limits, where responders run), {@link ServerOptions} for a server (the options of its
 * connections, a connection limit, a memory budget). Only Unix-socket connections carry
 * {@code Descriptor} arguments. For trial-style pipes use
 * {@code AmpConnection.open(PipeTransport.inherited(3, 4), locator)}.
 */
public final class Amp {
    private Amp() {}

    /**
     * Connects to the Unix socket at {@code path}; {@code locator} answers the peer's calls.
     *
     * @throws java.nio.file.NoSuchFileException if nothing is at {@code path}
     * @throws java.nio.file.AccessDeniedException if this user may not connect to it
     * @throws java.net.ConnectException if nobody listens there
     */
    public static AmpConnection connectUnix(Path path, ResponderLocator locator) throws IOException {
        return connectUnix(path, locator, ConnectionOptions.defaults());
    }

    /** The same, with options. */
    public static AmpConnection connectUnix(Path path, ResponderLocator locator, ConnectionOptions options)
            throws IOException {
        return open(UnixTransport.connect(path), locator, options);
    }

    /**
     * Connects to {@code host:port} over TCP; {@code locator} answers the peer's calls.
     *
     * @throws java.net.UnknownHostException if {@code host} does not resolve
     * @throws java.net.ConnectException if nobody listens on the port
     */
    public static AmpConnection connectTcp(String host, int port, ResponderLocator locator) throws IOException {
        return connectTcp(host, port, locator, ConnectionOptions.defaults());
    }

    /**
     * The same, with options; {@link ConnectionOptions#connectTimeout()} bounds the connect.
     *
     * @throws java.net.SocketTimeoutException when the connect timeout passes first
     */
    public static AmpConnection connectTcp(String host, int port, ResponderLocator locator, ConnectionOptions options)
            throws IOException {
        return open(TcpTransport.connect(host, port, options.connectTimeout()), locator, options);
    }

    private static AmpConnection open(Transport transport, ResponderLocator locator, ConnectionOptions options)
            throws IOException {
        try {
            return AmpConnection.open(transport, locator, options);
        } catch (RuntimeException | Error e) {
            transport.close();
            throw e;
        }
    }

    /**
     * Serves AMP on a Unix socket at {@code path}, whose file is readable and writable by this user
     * only ({@code 0600}). A stale socket file is replaced; anything else at the path is refused.
     */
    public static AmpServer listenUnix(Path path, Supplier<? extends ResponderLocator> locators) throws IOException {
        return listenUnix(path, locators, ServerOptions.defaults());
    }

    /** The same, with options. */
    public static AmpServer listenUnix(Path path, Supplier<? extends ResponderLocator> locators, ServerOptions options)
            throws IOException {
        return AmpServer.serve(UnixListeningSocket.bind(path), locators, options);
    }

    /** {@link #listenUnix(Path, Supplier)} with other permissions for the socket file. */
    public static AmpServer listenUnix(Path path, Set<PosixFilePermission> permissions,
            Supplier<? extends ResponderLocator> locators) throws IOException {
        return AmpServer.serve(UnixListeningSocket.bind(path, permissions), locators);
    }

    /**
     * {@link #listenUnix(Path, Set, Supplier)} that serves only the peers on {@code allowlist}, by
     * the uid and gid the kernel reports for each connection; the others are closed unread.
     *
     * <pre>{@code
     * Amp.listenUnix(path, PosixFilePermissions.fromString("rw-rw----"), PeerAllowlist.gids(workersGid), locators);
     * }</pre>
     */
    public static AmpServer listenUnix(Path path, Set<PosixFilePermission> permissions, PeerAllowlist allowlist,
            Supplier<? extends ResponderLocator> locators) throws IOException {
        return listenUnix(path, permissions, allowlist, locators, ServerOptions.defaults());
    }

    /** The same, with options. */
    public static AmpServer listenUnix(Path path, Set<PosixFilePermission> permissions, PeerAllowlist allowlist,
            Supplier<? extends ResponderLocator> locators, ServerOptions options) throws IOException {
        return AmpServer.serve(UnixListeningSocket.bind(path, permissions, allowlist), locators, options);
    }

    /** Serves AMP on TCP {@code host:port}; port 0 picks a free one ({@link AmpServer#port()}). */
    public static AmpServer listenTcp(String host, int port, Supplier<? extends ResponderLocator> locators)
            throws IOException {
        return listenTcp(host, port, locators, ServerOptions.defaults());
    }

    /** The same, with options. */
    public static AmpServer listenTcp(String host, int port, Supplier<? extends ResponderLocator> locators,
            ServerOptions options) throws IOException {
        return AmpServer.serve(TcpListeningSocket.bind(host, port), locators, options);
    }
}
