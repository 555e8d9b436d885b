package io.ampjava.types;

import io.ampjava.internal.posix.NativePosix;
import io.ampjava.internal.posix.SocketLibrary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import jnr.constants.platform.Errno;
import jnr.constants.platform.Fcntl;
import jnr.constants.platform.OpenFlags;

/**
 * An open file descriptor of this process, as sent or received by a {@code Descriptor} argument
 * over a Unix socket.
 *
 * <p>Ownership is explicit: a {@code Descriptor} owns its fd and {@link #close()} closes it (once).
 * A received descriptor belongs to the code that received it, which must close it. Sending one does
 * not give it away: the connection sends a duplicate, so the sender may close its own as soon as
 * {@code call} returns.
 *
 * <p>The helpers below ({@link #openForReading}, {@link #pipe}, {@link #read}, {@link #write}...)
 * make plain blocking system calls on the fd, retrying when a signal interrupts them. Descriptors
 * they create are close-on-exec.
 *
 * <p>With a command declared as
 * {@code @AmpCommand interface WriteInto { @Argument Descriptor fd(); @Argument String text(); }}, the
 * peer writes into a pipe of ours:
 *
 * <pre>{@code
 * try (Descriptor.Pipe pipe = Descriptor.pipe()) {
 *     WriteIntoCommand.callBlocking(connection, pipe.writeEnd(), "hello");
 *     pipe.writeEnd().close();          // the peer had its own copy, closed by now
 *     byte[] written = pipe.readEnd().readAll();
 * }
 * }</pre>
 */
public final class Descriptor implements AutoCloseable {
    private static final int CLOSED = -1;

    private final AtomicInteger fd;

    private Descriptor(int fd) {
        if (fd < 0) {
            throw new IllegalArgumentException("not a file descriptor: " + fd);
        }
        this.fd = new AtomicInteger(fd);
    }

    /**
     * Takes ownership of {@code fd}: closing the result closes it.
     *
     * @param fd the descriptor number
     * @return its owner
     */
    public static Descriptor adopt(int fd) {
        return new Descriptor(fd);
    }

    /** Both ends of a new pipe; closing it closes whichever end is still open. */
    public record Pipe(Descriptor readEnd, Descriptor writeEnd) implements AutoCloseable {
        @Override
        public void close() {
            try {
                readEnd.close();
            } finally {
                writeEnd.close();
            }
        }
    }

    /**
     * Opens {@code path} read-only.
     *
     * @param path the file
     * @return the open descriptor
     * @throws IOException if it cannot be opened
     */
    public static Descriptor openForReading(Path path) throws IOException {
        return open(path, OpenFlags.O_RDONLY.intValue(), 0);
    }

    /**
     * Opens {@code path} write-only, creating it (mode 0666 less the umask) or truncating it.
     *
     * @param path the file
     * @return the open descriptor
     * @throws IOException if it cannot be opened
     */
    public static Descriptor openForWriting(Path path) throws IOException {
        int flags = OpenFlags.O_WRONLY.intValue() | OpenFlags.O_CREAT.intValue() | OpenFlags.O_TRUNC.intValue();
        return open(path, flags, 0666);
    }

    private static Descriptor open(Path path, int flags, int mode) throws IOException {
        while (true) {
            int fd = NativePosix.posix().open(path.toString(), flags | OpenFlags.O_CLOEXEC.intValue(), mode);
            if (fd >= 0) {
                return new Descriptor(fd);
            }
            int errno = NativePosix.errno();
            if (errno != Errno.EINTR.intValue()) {
                throw openFailure(path, errno);
            }
        }
    }

    /**
     * A new pipe: bytes written to {@link Pipe#writeEnd()} come out of {@link Pipe#readEnd()}.
     *
     * @return both ends
     * @throws IOException if the pipe cannot be made
     */
    public static Pipe pipe() throws IOException {
        int[] fds = new int[2];
        if (NativePosix.posix().pipe(fds) < 0) {
            throw failure("pipe", NativePosix.errno());
        }
        Descriptor readEnd = new Descriptor(fds[0]);
        Descriptor writeEnd = new Descriptor(fds[1]);
        try {
            setCloseOnExec(fds[0]);
            setCloseOnExec(fds[1]);
        } catch (IOException e) {
            readEnd.close();
            writeEnd.close();
            throw e;
        }
        return new Pipe(readEnd, writeEnd);
    }

    /**
     * A second descriptor for the same open file ({@code dup}); both must be closed.
     *
     * @return the duplicate
     * @throws IOException if {@code dup} fails
     */
    public Descriptor duplicate() throws IOException {
        // One call (F_DUPFD_CLOEXEC) rather than dup and then FD_CLOEXEC: a Descriptor argument makes
        // one duplicate per call, and no exec in between can inherit it.
        int copy = NativePosix.sockets().fcntl(fd(), SocketLibrary.F_DUPFD_CLOEXEC, 0);
        if (copy < 0) {
            throw failure("dup of fd " + fd(), NativePosix.errno());
        }
        return new Descriptor(copy);
    }

    /**
     * Writes all of {@code bytes}, blocking as needed.
     *
     * @param bytes what to write
     * @throws IOException if a write fails
     */
    public void write(byte[] bytes) throws IOException {
        int fd = fd();
        int written = 0;
        while (written < bytes.length) {
            byte[] rest = written == 0 ? bytes : Arrays.copyOfRange(bytes, written, bytes.length);
            int n = NativePosix.posix().write(fd, rest, rest.length);
            if (n < 0) {
                int errno = NativePosix.errno();
                if (errno != Errno.EINTR.intValue()) {
                    throw failure("write to fd " + fd, errno);
                }
            } else {
                written += n;
            }
        }
    }

    /**
     * Reads up to {@code max} bytes, blocking until at least one is available.
     *
     * @param max the most bytes to read
     * @return the bytes read; empty at end of file
     * @throws IOException if the read fails
     */
    public byte[] read(int max) throws IOException {
        if (max <= 0) {
            throw new IllegalArgumentException("max must be positive: " + max);
        }
        int fd = fd();
        byte[] buffer = new byte[max];
        while (true) {
            int n = NativePosix.posix().read(fd, buffer, max);
            if (n >= 0) {
                return n == max ? buffer : Arrays.copyOf(buffer, n);
            }
            int errno = NativePosix.errno();
            if (errno != Errno.EINTR.intValue()) {
                throw failure("read from fd " + fd, errno);
            }
        }
    }

    /**
     * Reads until end of file (for a pipe: until every write end is closed). A loop of reads, not
     * {@code FileInputStream.readAllBytes()}, which fails with "Illegal seek" on a pipe in JDK 17.
     *
     * @return everything read
     * @throws IOException if a read fails
     */
    public byte[] readAll() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (true) {
            byte[] chunk = read(8192);
            if (chunk.length == 0) {
                return all.toByteArray();
            }
            all.write(chunk, 0, chunk.length);
        }
    }

    private static void setCloseOnExec(int fd) throws IOException {
        if (NativePosix.posix().fcntl(fd, Fcntl.F_SETFD, 1 /* FD_CLOEXEC */) < 0) {
            throw failure("fcntl(F_SETFD) on fd " + fd, NativePosix.errno());
        }
    }

    private static IOException failure(String what, int errno) {
        return new IOException(what + " failed: " + NativePosix.describeErrno(errno));
    }

    private static IOException openFailure(Path path, int errno) {
        String reason = NativePosix.describeErrno(errno);
        if (errno == Errno.ENOENT.intValue()) {
            return new NoSuchFileException(path.toString(), null, reason);
        }
        if (errno == Errno.EACCES.intValue() || errno == Errno.EPERM.intValue()) {
            return new AccessDeniedException(path.toString(), null, reason);
        }
        return new FileSystemException(path.toString(), null, reason);
    }

    /**
     * The fd number.
     *
     * @return the fd number
     * @throws IllegalStateException if this descriptor was closed or released
     */
    public int fd() {
        int value = fd.get();
        if (value == CLOSED) {
            throw new IllegalStateException("descriptor already closed or released");
        }
        return value;
    }

    /** {@return whether this descriptor is neither closed nor released} */
    public boolean isOpen() {
        return fd.get() != CLOSED;
    }

    /**
     * Gives up ownership without closing: returns the fd, which the caller must close.
     *
     * @return the fd, now the caller's to close
     */
    public int release() {
        int value = fd.getAndSet(CLOSED);
        if (value == CLOSED) {
            throw new IllegalStateException("descriptor already closed or released");
        }
        return value;
    }

    /** Closes the fd; later calls do nothing. */
    @Override
    public void close() {
        int value = fd.getAndSet(CLOSED);
        if (value != CLOSED) {
            NativePosix.posix().close(value);
        }
    }

    @Override
    public String toString() {
        int value = fd.get();
        return value == CLOSED ? "Descriptor[closed]" : "Descriptor[fd=" + value + "]";
    }
}
