package io.ampjava;

import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.server.AmpServer;
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
 * Only Unix-socket connections carry {@code Descriptor} arguments. For trial-style pipes use
 * {@code AmpConnection.open(PipeTransport.inherited(3, 4), locator)}.
 */
public final class Amp {
    private Amp() {}

    /** Connects to the Unix socket at {@code path}; {@code locator} answers the peer's calls. */
    public static AmpConnection connectUnix(Path path, ResponderLocator locator) throws IOException {
        return open(UnixTransport.connect(path), locator);
    }

    /** Connects to {@code host:port} over TCP; {@code locator} answers the peer's calls. */
    public static AmpConnection connectTcp(String host, int port, ResponderLocator locator) throws IOException {
        return open(TcpTransport.connect(host, port), locator);
    }

    private static AmpConnection open(Transport transport, ResponderLocator locator) throws IOException {
        try {
            return AmpConnection.open(transport, locator);
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
        return AmpServer.serve(UnixListeningSocket.bind(path), locators);
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
        return AmpServer.serve(UnixListeningSocket.bind(path, permissions, allowlist), locators);
    }

    /** Serves AMP on TCP {@code host:port}; port 0 picks a free one ({@link AmpServer#port()}). */
    public static AmpServer listenTcp(String host, int port, Supplier<? extends ResponderLocator> locators)
            throws IOException {
        return AmpServer.serve(TcpListeningSocket.bind(host, port), locators);
    }
}
