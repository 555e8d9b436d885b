package io.ampjava.transport.unix;

import io.ampjava.internal.posix.NativePosix;
import io.ampjava.internal.posix.SocketLibrary;
import io.ampjava.transport.ListeningSocket;
import java.io.IOException;
import java.net.BindException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.Charset;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import jnr.constants.platform.Errno;
import jnr.constants.platform.Fcntl;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.unixsocket.UnixServerSocketChannel;
import jnr.unixsocket.UnixSocketChannel;

/**
 * A listening Unix-domain socket at a path.
 *
 * <p>The socket file gets its permissions ({@link #DEFAULT_PERMISSIONS}, owner read and write,
 * unless told otherwise) before the socket starts listening, so nobody else can connect in
 * between. A stale socket file at the path (nobody listening) is replaced; a live one, or a path
 * that is not a socket, is left alone and binding fails. {@link #close()} removes the socket file if
 * it is still the one this socket created.
 *
 * <p>A {@link PeerAllowlist} restricts who is served beyond what the file mode allows: each accepted
 * connection's peer credentials ({@code SO_PEERCRED}) are checked, and a peer not on the list is
 * closed at once, before any of its bytes is read; {@link #accept()} then waits for the next one.
 */
public final class UnixListeningSocket implements ListeningSocket {
    private static final System.Logger LOG = System.getLogger(UnixListeningSocket.class.getName());

    /** {@code rw-------}: only this user may connect. */
    public static final Set<PosixFilePermission> DEFAULT_PERMISSIONS =
            Set.copyOf(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));

    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    /** sizeof(sun_path) on Linux, including the terminating NUL. */
    private static final int SUN_PATH_SIZE = 108;
    private static final int BACKLOG = 128;
    private static final int FD_CLOEXEC = 1;

    private final UnixServerSocketChannel channel;
    private final int fd;
    private final Path path;
    private final Object fileKey;
    private final FdUseGuard guard;
    private final PeerAllowlist allowlist;

    private UnixListeningSocket(UnixServerSocketChannel channel, Path path, Object fileKey, PeerAllowlist allowlist) {
        this.channel = channel;
        this.fd = channel.getFD();
        this.path = path;
        this.fileKey = fileKey;
        this.guard = new FdUseGuard(this::closeChannel);
        this.allowlist = allowlist;
    }

    /**
     * Listens at {@code path} with {@link #DEFAULT_PERMISSIONS}.
     *
     * @param path where to create the socket file
     * @return the listening socket
     * @throws IOException as for {@link #bind(Path, Set)}
     */
    public static UnixListeningSocket bind(Path path) throws IOException {
        return bind(path, DEFAULT_PERMISSIONS);
    }

    /**
     * Listens at {@code path}; the socket file gets {@code permissions}.
     *
     * @param path where to create the socket file
     * @param permissions the socket file's permissions
     * @return the listening socket
     * @throws FileAlreadyExistsException if something other than a socket is at {@code path}
     * @throws BindException if another server is listening at {@code path}
     * @throws IOException if the path is too long (107 bytes at most) or binding fails otherwise
     */
    public static UnixListeningSocket bind(Path path, Set<PosixFilePermission> permissions) throws IOException {
        return bind(path, permissions, PeerAllowlist.ANYONE);
    }

    /**
     * Listens at {@code path}; the socket file gets {@code permissions}, and only peers on
     * {@code allowlist} are served (the others are closed on accept, unread).
     *
     * @param path where to create the socket file
     * @param permissions the socket file's permissions
     * @param allowlist the peers served
     * @return the listening socket
     * @throws FileAlreadyExistsException if something other than a socket is at {@code path}
     * @throws BindException if another server is listening at {@code path}
     * @throws IOException if the path is too long (107 bytes at most) or binding fails otherwise
     */
    public static UnixListeningSocket bind(Path path, Set<PosixFilePermission> permissions, PeerAllowlist allowlist)
            throws IOException {
        NativePosix.requireLinux64("a Unix-socket server");
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(allowlist, "allowlist");
        byte[] pathBytes = path.toString().getBytes(fileNameCharset());
        if (pathBytes.length == 0 || pathBytes.length >= SUN_PATH_SIZE) {
            throw new IOException("a Unix socket path must have 1 to " + (SUN_PATH_SIZE - 1) + " bytes; "
                    + path + " has " + pathBytes.length);
        }
        removeStaleSocket(path);

        UnixServerSocketChannel channel = UnixServerSocketChannel.open();
        int fd = channel.getFD();
        boolean created = false;
        try {
            NativePosix.posix().fcntl(fd, Fcntl.F_SETFD, FD_CLOEXEC);
            if (NativePosix.sockets().bind(fd, socketAddress(pathBytes), 2 + pathBytes.length + 1) < 0) {
                int errno = NativePosix.errno();
                String message = "cannot bind unix:" + path + ": " + NativePosix.describeErrno(errno);
                throw errno == Errno.EADDRINUSE.intValue() ? new BindException(message) : new IOException(message);
            }
            created = true;
            // Before listen(): until the socket listens, nobody can connect, whatever the umask gave.
            Files.setPosixFilePermissions(path, permissions);
            Object fileKey = Files.readAttributes(path, "unix:ino,dev", LinkOption.NOFOLLOW_LINKS);
            if (NativePosix.sockets().listen(fd, BACKLOG) < 0) {
                throw new IOException("cannot listen on unix:" + path + ": "
                        + NativePosix.describeErrno(NativePosix.errno()));
            }
            return new UnixListeningSocket(channel, path, fileKey, allowlist);
        } catch (IOException | RuntimeException e) {
            channel.close();
            if (created) {
                Files.deleteIfExists(path);
            }
            throw e;
        }
    }

    @Override
    public UnixTransport accept() throws IOException {
        guard.enter();
        try {
            while (true) {
                UnixSocketChannel accepted;
                try {
                    accepted = channel.accept();
                } catch (IOException | IllegalStateException e) {
                    // jnr reports the EINVAL of an accept woken by shutdown() as NotYetBoundException.
                    if (guard.isClosed()) {
                        throw closed(e);
                    }
                    if (NativePosix.errno() == Errno.EINTR.intValue()) {
                        continue;
                    }
                    throw new IOException("accept on " + address() + " failed: " + e, e);
                }
                if (guard.isClosed()) {
                    accepted.close();
                    throw new ClosedChannelException();
                }
                NativePosix.posix().fcntl(accepted.getFD(), Fcntl.F_SETFD, FD_CLOEXEC);
                UnixTransport transport = UnixTransport.accepted(accepted, address());
                if (admits(transport)) {
                    return transport;
                }
                transport.close(); // unread: the peer sees the connection closed, nothing more
            }
        } finally {
            guard.exit();
        }
    }

    /** Whether the peer of a just accepted connection is on the allowlist. */
    private boolean admits(UnixTransport transport) {
        if (allowlist.allowsAnyone()) {
            return true;
        }
        PeerCredentials peer;
        try {
            peer = transport.peerCredentials();
        } catch (IOException unknown) {
            LOG.log(System.Logger.Level.WARNING, "refused a peer on " + address() + " whose credentials are unknown", unknown);
            return false;
        }
        if (allowlist.allows(peer)) {
            return true;
        }
        LOG.log(System.Logger.Level.WARNING, () -> "refused a peer on " + address() + " (" + peer + "): not on the allowlist ("
                + allowlist + ")");
        return false;
    }

    /**
     * Who is served: {@link PeerAllowlist#ANYONE} unless bound with an allowlist.
     *
     * @return the allowlist
     */
    public PeerAllowlist allowlist() {
        return allowlist;
    }

    @Override
    public String address() {
        return "unix:" + path;
    }

    @Override
    public int port() {
        return -1;
    }

    /** {@return the socket file's path} */
    public Path path() {
        return path;
    }

    /** Stops listening, wakes a blocked {@link #accept()} and removes the socket file. Idempotent. */
    @Override
    public void close() throws IOException {
        // shutdown() makes a blocked accept() return (EINVAL); close() alone would not wake it.
        if (guard.close(() -> NativePosix.sockets().shutdown(fd, SocketLibrary.SHUT_RDWR))) {
            removeOwnSocketFile();
        }
    }

    @Override
    public String toString() {
        return "UnixListeningSocket[" + path + "]";
    }

    private void removeOwnSocketFile() throws IOException {
        try {
            Map<String, Object> now = Files.readAttributes(path, "unix:ino,dev", LinkOption.NOFOLLOW_LINKS);
            if (now.equals(fileKey)) {
                Files.deleteIfExists(path);
            }
        } catch (NoSuchFileException gone) {
            // Someone removed it already.
        }
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // The fd is gone either way.
        }
    }

    private static ClosedChannelException closed(Exception cause) {
        ClosedChannelException closed = new ClosedChannelException();
        closed.initCause(cause);
        return closed;
    }

    /**
     * Removes a socket file nobody listens on (a server that died without cleaning up). Anything
     * else at the path is somebody's data, and a live socket is somebody's server: both refused.
     */
    private static void removeStaleSocket(Path path) throws IOException {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException absent) {
            return;
        }
        if ((mode & S_IFMT) != S_IFSOCK) {
            throw new FileAlreadyExistsException(path.toString(), null,
                    "exists and is not a socket; refusing to replace it");
        }
        UnixTransport probe;
        try {
            probe = UnixTransport.connect(path);
        } catch (IOException nobodyListens) {
            Files.deleteIfExists(path);
            return;
        }
        probe.close();
        throw new BindException("a server is already listening at unix:" + path);
    }

    private static Pointer socketAddress(byte[] pathBytes) {
        ByteBuffer address = ByteBuffer.allocateDirect(2 + SUN_PATH_SIZE).order(ByteOrder.nativeOrder());
        address.putShort(0, (short) SocketLibrary.AF_UNIX);
        address.put(2, pathBytes);
        return Pointer.wrap(Runtime.getSystemRuntime(), address);
    }

    /** The charset the JDK uses for file names, so the socket and {@link Files} agree on the path. */
    private static Charset fileNameCharset() {
        String name = System.getProperty("sun.jnu.encoding");
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (RuntimeException unknown) {
            return Charset.defaultCharset();
        }
    }
}
