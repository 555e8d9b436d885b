package io.ampjava.transport.unix;

import io.ampjava.internal.io.DirectBuffers;
import io.ampjava.internal.posix.NativePosix;
import io.ampjava.internal.posix.SocketLibrary;
import io.ampjava.transport.Transport;
import io.ampjava.transport.TransportRole;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.Channel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.IntConsumer;
import jnr.constants.platform.Errno;
import jnr.constants.platform.Fcntl;
import jnr.constants.platform.OpenFlags;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.unixsocket.UnixSocketAddress;
import jnr.unixsocket.UnixSocketChannel;

/**
 * A connected Unix-domain stream socket that carries file descriptors, as Twisted's
 * {@code IUNIXTransport} does.
 *
 * <p>Every read is a {@code recvmsg} with a control buffer: a plain {@code read} of bytes that
 * carry a descriptor makes the kernel drop (close) the descriptor. Received descriptors get
 * close-on-exec and are handed over before the bytes they came with. Each
 * {@link #writeWithDescriptor} is one {@code sendmsg} of exactly one byte with one
 * {@code SCM_RIGHTS} descriptor. Writes never raise {@code SIGPIPE}.
 *
 * <p>{@link #close()} shuts the socket down, which wakes a thread blocked in {@link #read} (it
 * returns -1) or {@link #write} (it fails); the fd itself is closed once no call uses it.
 *
 * <p>Linux only (64-bit), like the rest of the descriptor support.
 */
public final class UnixTransport implements Transport {
    /** The most descriptors the kernel delivers with one message ({@code SCM_MAX_FD}). */
    private static final int MAX_DESCRIPTORS_PER_MESSAGE = 253;
    private static final int STAGING_BYTES = 64 * 1024;
    private static final int[] NO_DESCRIPTORS = {};

    private final int fd;
    private volatile String description; // a server's names its peer once it is known
    private volatile PeerCredentials peer; // fixed when the peer connected: asked once
    private final TransportRole role;
    private final FdUseGuard guard;
    private final SocketLibrary sockets;
    private final MessageHeader readHeader = new MessageHeader(MAX_DESCRIPTORS_PER_MESSAGE);
    private final MessageHeader writeHeader = new MessageHeader(MAX_DESCRIPTORS_PER_MESSAGE);
    // Made on first need, inside the guard: the reader reads into its own direct buffer and never
    // needs one, and a peer that stays silent costs no write staging (64 KiB each).
    private ByteBuffer readStaging; // reader thread only
    private ByteBuffer writeStaging; // one writer at a time
    private long writeStagingAddress;

    private UnixTransport(int fd, String description, TransportRole role, Runnable release) {
        NativePosix.requireLinux64("a Unix-socket transport");
        this.fd = fd;
        this.description = description;
        this.role = role;
        // Every use of the buffers is inside the guard: once the fd is released, nobody can use them.
        this.guard = new FdUseGuard(() -> {
            try {
                release.run();
            } finally {
                freeBuffers();
            }
        });
        this.sockets = NativePosix.sockets();
    }

    /** The JDK's exception type for a failed connect, as a TCP connect would throw (jnr throws plain IOExceptions). */
    private static IOException connectFailure(Path path, String description, IOException failure) {
        String reason = String.valueOf(failure.getMessage());
        IOException specific;
        if (reason.contains("No such file")) {
            specific = new NoSuchFileException(path.toString(), null, "cannot connect to " + description
                    + ": no such file (is the server running, and is this its socket path?)");
        } else if (reason.contains("Permission denied")) {
            specific = new AccessDeniedException(path.toString(), null, "cannot connect to " + description
                    + ": permission denied (the socket file's permissions exclude this user)");
        } else if (reason.contains("refused")) {
            specific = new ConnectException("cannot connect to " + description + ": connection refused"
                    + " (nobody listens there: a stale socket file, or not a socket)");
        } else {
            specific = new IOException("cannot connect to " + description + ": " + reason);
        }
        specific.initCause(failure);
        return specific;
    }

    /** Gives the native memory of the staging buffers and message headers back now, not at some GC. */
    private void freeBuffers() {
        DirectBuffers.free(readStaging);
        DirectBuffers.free(writeStaging);
        readHeader.free();
        writeHeader.free();
    }

    /** The read staging buffer, for reads into a heap buffer; made on first need. */
    private ByteBuffer readStaging() {
        if (readStaging == null) {
            readStaging = ByteBuffer.allocateDirect(STAGING_BYTES);
        }
        return readStaging;
    }

    /** The write staging buffer; made on first need. */
    private ByteBuffer writeStaging() {
        if (writeStaging == null) {
            ByteBuffer staging = ByteBuffer.allocateDirect(STAGING_BYTES);
            writeStagingAddress = addressOf(staging);
            writeStaging = staging;
        }
        return writeStaging;
    }

    /** Wraps a connected jnr channel (from a connect or an accept); closing the transport closes it. */
    static UnixTransport of(UnixSocketChannel channel, String description, TransportRole role) {
        return new UnixTransport(channel.getFD(), description, role, () -> closeQuietly(channel));
    }

    /**
     * An accepted connection, described with its peer as the kernel knows it, e.g.
     * {@code unix:/run/amp.sock (peer pid 4242, uid 1000)}: a server's logs and thread names then
     * say who a connection is, not only where it came in.
     */
    static UnixTransport accepted(UnixSocketChannel channel, String address) {
        UnixTransport transport = of(channel, address, TransportRole.SERVER);
        try {
            PeerCredentials peer = transport.peerCredentials();
            transport.description = address + " (peer pid " + peer.pid() + ", uid " + peer.uid() + ")";
        } catch (IOException unknown) {
            // described by its address alone
        }
        return transport;
    }

    /**
     * Connects to the Unix socket at {@code path}.
     *
     * @param path the socket file
     * @return the connected transport
     * @throws NoSuchFileException if nothing is at {@code path}
     * @throws AccessDeniedException if this user may not connect to it
     * @throws ConnectException if nobody listens there (a socket file left by a dead server, or a
     *     file that is not a socket)
     * @throws IOException for other failures
     */
    public static UnixTransport connect(Path path) throws IOException {
        NativePosix.requireLinux64("a Unix-socket transport");
        String description = "unix:" + path;
        UnixSocketChannel channel;
        try {
            channel = UnixSocketChannel.open(new UnixSocketAddress(path.toFile()));
        } catch (IOException e) {
            throw connectFailure(path, description, e);
        }
        return of(channel, description, TransportRole.CLIENT);
    }

    /**
     * Takes ownership of {@code fd}, an already connected Unix stream socket (for example one end
     * of a {@code socketpair}, or a socket inherited from a parent process).
     *
     * @param fd the connected socket
     * @param description what {@link #describe()} says
     * @return the transport
     */
    public static UnixTransport adopt(int fd, String description) {
        if (fd < 0) {
            throw new IllegalArgumentException("not a file descriptor: " + fd);
        }
        return new UnixTransport(fd, description, TransportRole.UNKNOWN, () -> NativePosix.posix().close(fd));
    }

    /**
     * Two connected transports over a fresh {@code socketpair}; handy for tests and child processes.
     *
     * @return both ends
     * @throws IOException if {@code socketpair} fails
     */
    public static UnixTransport[] pair() throws IOException {
        NativePosix.requireLinux64("a Unix-socket transport");
        int[] fds = new int[2];
        int type = SocketLibrary.SOCK_STREAM | SocketLibrary.SOCK_CLOEXEC;
        if (NativePosix.posix().socketpair(SocketLibrary.AF_UNIX, type, 0, fds) < 0) {
            throw new IOException("socketpair failed: " + NativePosix.describeErrno(NativePosix.errno()));
        }
        return new UnixTransport[] {adopt(fds[0], "unix:socketpair[0]"), adopt(fds[1], "unix:socketpair[1]")};
    }

    @Override
    public int read(ByteBuffer dst, IntConsumer descriptors) throws IOException {
        if (!dst.hasRemaining()) {
            return 0;
        }
        guard.enter();
        try {
            boolean direct = dst.isDirect();
            int length = direct ? dst.remaining() : Math.min(dst.remaining(), STAGING_BYTES);
            readHeader.setData(direct ? addressOf(dst) : addressOf(readStaging()), length);
            int received;
            while (true) {
                readHeader.expectControl();
                received = sockets.recvmsg(fd, readHeader.pointer(), SocketLibrary.MSG_CMSG_CLOEXEC);
                if (received >= 0) {
                    break;
                }
                retryOrThrow(NativePosix.errno(), "recvmsg");
            }
            readHeader.takeDescriptors(descriptors);
            if (received == 0) {
                return -1;
            }
            if (direct) {
                dst.position(dst.position() + received);
            } else {
                dst.put(readStaging.duplicate().position(0).limit(received));
            }
            return received;
        } finally {
            guard.exit();
        }
    }

    /** Copies the frames straight into the write staging buffer: no wrapper per frame. */
    @Override
    public void writeFrames(byte[][] frames, int from, int to) throws IOException {
        writeFramesWithDescriptors(frames, from, to, NO_DESCRIPTORS, 0, 0);
    }

    /**
     * Stages the frames as {@link #writeFrames} does; the first {@code sendmsg} carries all the
     * descriptors (more than {@code SCM_MAX_FD} take messages of one byte each before it), so the
     * peer's first read of these bytes brings every one of them.
     */
    @Override
    public void writeFramesWithDescriptors(byte[][] frames, int from, int to, int[] fds, int fdFrom, int fdTo)
            throws IOException {
        guard.enter();
        try {
            ByteBuffer writeStaging = writeStaging();
            writeStaging.clear();
            int unsent = fdFrom;
            for (int i = from; i < to; i++) {
                byte[] frame = frames[i];
                int offset = 0;
                while (offset < frame.length) {
                    int take = Math.min(frame.length - offset, writeStaging.remaining());
                    writeStaging.put(frame, offset, take);
                    offset += take;
                    if (!writeStaging.hasRemaining()) {
                        sendStaged(fds, unsent, fdTo);
                        unsent = fdTo;
                    }
                }
            }
            if (writeStaging.position() > 0 || unsent < fdTo) {
                sendStaged(fds, unsent, fdTo);
            }
        } finally {
            guard.exit();
        }
    }

    /** Sends the staged bytes with {@code fds[from, to)} riding on the first ones, and empties the staging buffer. */
    private void sendStaged(int[] fds, int from, int to) throws IOException {
        int length = writeStaging.position();
        int messages = (to - from + MAX_DESCRIPTORS_PER_MESSAGE - 1) / MAX_DESCRIPTORS_PER_MESSAGE;
        if (length < messages) {
            throw new IllegalArgumentException((to - from) + " descriptors need " + messages
                    + " bytes to ride on; the frames hold " + length);
        }
        int sent = 0;
        for (int first = from; first < to; first += MAX_DESCRIPTORS_PER_MESSAGE) {
            int last = Math.min(first + MAX_DESCRIPTORS_PER_MESSAGE, to);
            sent += sendWithRights(sent, last == to ? length - sent : 1, fds, first, last);
        }
        sendAll(sent, length);
        writeStaging.clear();
    }

    /**
     * Sends staged bytes {@code [start, start + length)} with {@code fds[from, to)}, retrying until
     * the kernel takes at least one byte (which carries the descriptors).
     *
     * @return how many bytes went
     */
    private int sendWithRights(int start, int length, int[] fds, int from, int to) throws IOException {
        while (true) {
            writeHeader.setData(writeStagingAddress + start, length);
            writeHeader.putRights(fds, from, to);
            int n = sockets.sendmsg(fd, writeHeader.pointer(), SocketLibrary.MSG_NOSIGNAL);
            if (n > 0) {
                return n;
            }
            if (n == 0) {
                throw new IOException(description + ": sendmsg sent nothing");
            }
            retryOrThrow(NativePosix.errno(), "sendmsg with " + (to - from) + (to - from == 1 ? " descriptor" : " descriptors"));
        }
    }

    @Override
    public int descriptorsPerMessage() {
        return MAX_DESCRIPTORS_PER_MESSAGE;
    }

    @Override
    public void write(ByteBuffer[] srcs) throws IOException {
        guard.enter();
        try {
            ByteBuffer writeStaging = writeStaging();
            int next = 0;
            while (true) {
                writeStaging.clear();
                while (writeStaging.hasRemaining() && next < srcs.length) {
                    ByteBuffer src = srcs[next];
                    if (src.remaining() <= writeStaging.remaining()) {
                        writeStaging.put(src);
                        next++;
                    } else {
                        int take = writeStaging.remaining();
                        writeStaging.put(src.duplicate().limit(src.position() + take));
                        src.position(src.position() + take);
                    }
                }
                if (writeStaging.position() == 0) {
                    return;
                }
                sendAll(writeStaging.position());
            }
        } finally {
            guard.exit();
        }
    }

    private void sendAll(int length) throws IOException {
        sendAll(0, length);
    }

    /** Sends staged bytes {@code [sent, length)}. */
    private void sendAll(int sent, int length) throws IOException {
        while (sent < length) {
            writeHeader.setData(writeStagingAddress + sent, length - sent);
            writeHeader.clearControl();
            int n = sockets.sendmsg(fd, writeHeader.pointer(), SocketLibrary.MSG_NOSIGNAL);
            if (n < 0) {
                retryOrThrow(NativePosix.errno(), "sendmsg");
            } else {
                sent += n;
            }
        }
    }

    @Override
    public void writeWithDescriptor(ByteBuffer src, int descriptor) throws IOException {
        if (!src.hasRemaining()) {
            throw new IllegalArgumentException("a descriptor must travel with one byte of the stream; none given");
        }
        guard.enter();
        try {
            writeStaging().clear().put(0, src.get(src.position()));
            sendWithRights(0, 1, new int[] {descriptor}, 0, 1);
            src.position(src.position() + 1);
        } finally {
            guard.exit();
        }
    }

    /**
     * One {@code sendmsg} of as much of {@code src} as the staging buffer holds, with
     * {@code descriptor}; whatever the kernel did not take goes out as plain data after it.
     */
    @Override
    public void writeWithDescriptorAndRest(ByteBuffer src, int descriptor) throws IOException {
        if (!src.hasRemaining()) {
            throw new IllegalArgumentException("a descriptor must travel with one byte of the stream; none given");
        }
        guard.enter();
        try {
            ByteBuffer writeStaging = writeStaging();
            writeStaging.clear();
            int length = Math.min(src.remaining(), writeStaging.capacity());
            writeStaging.put(src.duplicate().limit(src.position() + length));
            // The descriptor goes with the first byte; the rest of the staged bytes, then of src, follow.
            sendAll(sendWithRights(0, length, new int[] {descriptor}, 0, 1), length);
            src.position(src.position() + length);
        } finally {
            guard.exit();
        }
        if (src.hasRemaining()) {
            write(new ByteBuffer[] {src});
        }
    }

    @Override
    public boolean canPassDescriptors() {
        return true;
    }

    /**
     * Who is at the other end: the pid, uid and gid the kernel recorded when the peer connected
     * ({@code SO_PEERCRED}); for a {@link #pair()}, this process. They cannot change, so the kernel
     * is asked once.
     *
     * @return the peer's pid, uid and gid
     * @throws IOException if the kernel will not say (not a Unix socket, or closed before they were
     *     first asked)
     */
    public PeerCredentials peerCredentials() throws IOException {
        PeerCredentials known = peer;
        if (known == null) {
            known = readPeerCredentials();
            peer = known;
        }
        return known;
    }

    private PeerCredentials readPeerCredentials() throws IOException {
        guard.enter();
        try {
            // struct ucred { pid_t pid; uid_t uid; gid_t gid; }, in native byte order.
            ByteBuffer ucred = ByteBuffer.allocateDirect(12).order(ByteOrder.nativeOrder());
            ByteBuffer length = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putInt(0, 12);
            Runtime runtime = Runtime.getSystemRuntime();
            if (sockets.getsockopt(fd, SocketLibrary.SOL_SOCKET, SocketLibrary.SO_PEERCRED,
                    Pointer.wrap(runtime, ucred), Pointer.wrap(runtime, length)) < 0) {
                throw new IOException(description + ": cannot read the peer's credentials: "
                        + NativePosix.describeErrno(NativePosix.errno()));
            }
            return new PeerCredentials(ucred.getInt(0), ucred.getInt(4), ucred.getInt(8));
        } finally {
            guard.exit();
        }
    }

    /** Asks the kernel (poll): reads nothing, even when {@code dst} has room. */
    @Override
    public int pollWhilePaused(ByteBuffer dst, IntConsumer descriptors) throws IOException {
        guard.enter();
        try {
            return NativePosix.hungUp(fd) ? -1 : 0;
        } finally {
            guard.exit();
        }
    }

    @Override
    public void shutdownOutput() throws IOException {
        guard.enter();
        try {
            if (sockets.shutdown(fd, SocketLibrary.SHUT_WR) < 0) {
                int errno = NativePosix.errno();
                if (errno != Errno.ENOTCONN.intValue()) {
                    throw new IOException(description + ": shutdown failed: " + NativePosix.describeErrno(errno));
                }
            }
        } finally {
            guard.exit();
        }
    }

    @Override
    public void close() {
        guard.close(() -> sockets.shutdown(fd, SocketLibrary.SHUT_RDWR));
    }

    /** {@return whether {@link #close()} was called} */
    public boolean isClosed() {
        return guard.isClosed();
    }

    @Override
    public TransportRole role() {
        return role;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return "UnixTransport[" + description + "]";
    }

    /**
     * Returns normally when the failed call should simply be made again: interrupted by a signal,
     * or "would block" on a socket someone made non-blocking (which is put back to blocking).
     */
    private void retryOrThrow(int errno, String call) throws IOException {
        if (errno == Errno.EINTR.intValue() && !guard.isClosed()) {
            return;
        }
        if (errno == Errno.EAGAIN.intValue() || errno == Errno.EWOULDBLOCK.intValue()) {
            makeBlocking();
            return;
        }
        if (guard.isClosed()) {
            throw new AsynchronousCloseException();
        }
        throw new IOException(description + ": " + call + " failed: " + NativePosix.describeErrno(errno));
    }

    private void makeBlocking() throws IOException {
        int flags = NativePosix.posix().fcntl(fd, Fcntl.F_GETFL);
        if (flags < 0 || NativePosix.posix().fcntl(fd, Fcntl.F_SETFL, flags & ~OpenFlags.O_NONBLOCK.intValue()) < 0) {
            throw new IOException(description + ": cannot make the socket blocking: "
                    + NativePosix.describeErrno(NativePosix.errno()));
        }
    }

    private static long addressOf(ByteBuffer direct) {
        return Pointer.wrap(Runtime.getSystemRuntime(), direct).address();
    }

    private static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing useful to do: the fd is gone either way.
        }
    }
}
