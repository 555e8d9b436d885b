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
     * @param path the socket file
     * @param locator answers the peer's calls ({@link ResponderLocator#NONE} for none)
     * @return the open connection
     * @throws IOException if the connect fails
     * @throws java.nio.file.NoSuchFileException if nothing is at {@code path}
     * @throws java.nio.file.AccessDeniedException if this user may not connect to it
     * @throws java.net.ConnectException if nobody listens there
     */
    public static AmpConnection connectUnix(Path path, ResponderLocator locator) throws IOException {
        return connectUnix(path, locator, ConnectionOptions.defaults());
    }

    /**
     * Connects to the Unix socket at {@code path}, with options.
     *
     * @param path the socket file
     * @param locator answers the peer's calls ({@link ResponderLocator#NONE} for none)
     * @param options timeouts, limits, where responders run
     * @return the open connection
     * @throws IOException if the connect fails, as {@link #connectUnix(Path, ResponderLocator)} says
     */
    public static AmpConnection connectUnix(Path path, ResponderLocator locator, ConnectionOptions options)
            throws IOException {
        return open(UnixTransport.connect(path), locator, options);
    }

    /**
     * Connects to {@code host:port} over TCP; {@code locator} answers the peer's calls.
     *
     * @param host a host name or address
     * @param port the port
     * @param locator answers the peer's calls ({@link ResponderLocator#NONE} for none)
     * @return the open connection
     * @throws IOException if the connect fails
     * @throws java.net.UnknownHostException if {@code host} does not resolve
     * @throws java.net.ConnectException if nobody listens on the port
     */
    public static AmpConnection connectTcp(String host, int port, ResponderLocator locator) throws IOException {
        return connectTcp(host, port, locator, ConnectionOptions.defaults());
    }

    /**
     * Connects to {@code host:port} over TCP, with options; {@link ConnectionOptions#connectTimeout()}
     * bounds the connect.
     *
     * @param host a host name or address
     * @param port the port
     * @param locator answers the peer's calls ({@link ResponderLocator#NONE} for none)
     * @param options timeouts, limits, where responders run
     * @return the open connection
     * @throws IOException if the connect fails, as {@link #connectTcp(String, int, ResponderLocator)} says
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
     *
     * @param path where to create the socket file
     * @param locators called once per connection: each gets its own locator (and so its own state)
     * @return the running server
     * @throws IOException if the socket cannot be bound there
     */
    public static AmpServer listenUnix(Path path, Supplier<? extends ResponderLocator> locators) throws IOException {
        return listenUnix(path, locators, ServerOptions.defaults());
    }

    /**
     * Serves AMP on a Unix socket at {@code path}, with options.
     *
     * @param path where to create the socket file (mode {@code 0600})
     * @param locators called once per connection: each gets its own locator (and so its own state)
     * @param options the connections' options, a connection limit, a memory budget
     * @return the running server
     * @throws IOException if the socket cannot be bound there
     */
    public static AmpServer listenUnix(Path path, Supplier<? extends ResponderLocator> locators, ServerOptions options)
            throws IOException {
        return AmpServer.serve(UnixListeningSocket.bind(path), locators, options);
    }

    /**
     * {@link #listenUnix(Path, Supplier)} with other permissions for the socket file.
     *
     * @param path where to create the socket file
     * @param permissions the socket file's permissions
     * @param locators called once per connection: each gets its own locator (and so its own state)
     * @return the running server
     * @throws IOException if the socket cannot be bound there
     */
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
     *
     * @param path where to create the socket file
     * @param permissions the socket file's permissions
     * @param allowlist the peers served
     * @param locators called once per connection: each gets its own locator (and so its own state)
     * @return the running server
     * @throws IOException if the socket cannot be bound there
     */
    public static AmpServer listenUnix(Path path, Set<PosixFilePermission> permissions, PeerAllowlist allowlist,
            Supplier<? extends ResponderLocator> locators) throws IOException {
        return listenUnix(path, permissions, allowlist, locators, ServerOptions.defaults());
    }

    /**
     * {@link #listenUnix(Path, Set, PeerAllowlist, Supplier)}, with options.
     *
     * @param path where to create the socket file
     * @param permissions the socket file's permissions
     * @param allowlist the peers served
     * @param locators called once per connection: each gets its own locator (and so its own state)
     * @param options the connections' options, a connection limit, a memory budget
     * @return the running server
     * @throws IOException if the socket cannot be bound there
     */
    public static AmpServer listenUnix(Path path, Set<PosixFilePermission> permissions, PeerAllowlist allowlist,
            Supplier<? extends ResponderLocator> locators, ServerOptions options) throws IOException {
        return AmpServer.serve(UnixListeningSocket.bind(path, permissions, allowlist), locators, options);
    }

    /**
     * Serves AMP on TCP {@code host:port}; port 0 picks a free one ({@link AmpServer#port()}).
     *
     * @param host the address to bind, e.g. {@code "127.0.0.1"}
     * @param port the port, or 0
     * @param locators called once per connection: each gets its own locator (and so its own state)
     * @return the running server
     * @throws IOException if the port cannot be bound
     */
    public static AmpServer listenTcp(String host, int port, Supplier<? extends ResponderLocator> locators)
            throws IOException {
        return listenTcp(host, port, locators, ServerOptions.defaults());
    }

    /**
     * Serves AMP on TCP {@code host:port}, with options.
     *
     * @param host the address to bind, e.g. {@code "127.0.0.1"}
     * @param port the port, or 0 for a free one
     * @param locators called once per connection: each gets its own locator (and so its own state)
     * @param options the connections' options, a connection limit, a memory budget
     * @return the running server
     * @throws IOException if the port cannot be bound
     */
    public static AmpServer listenTcp(String host, int port, Supplier<? extends ResponderLocator> locators,
            ServerOptions options) throws IOException {
        return AmpServer.serve(TcpListeningSocket.bind(host, port), locators, options);
    }
}
