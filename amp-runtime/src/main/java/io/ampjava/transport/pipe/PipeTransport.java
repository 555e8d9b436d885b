package io.ampjava.transport.pipe;

import io.ampjava.internal.io.ChannelWrites;
import io.ampjava.internal.posix.FileLibrary;
import io.ampjava.internal.posix.NativePosix;
import io.ampjava.transport.Transport;
import io.ampjava.types.Descriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * AMP over two one-way byte streams: one to read from, one to write to. This is how trial's
 * distributed workers talk (the worker reads fd 3 and writes fd 4: {@code inherited(3, 4)}), and how
 * a parent talks to a child over its standard streams ({@link #streams}). Descriptors cannot travel.
 *
 * <p>End of the read stream ends reads with -1. {@link #shutdownOutput()} closes the write side, so
 * the peer reads end of stream.
 */
public final class PipeTransport implements Transport {
    private final ReadableByteChannel in;
    private final GatheringByteChannel out;
    private final String description;
    // A duplicate of the read end, for poll only (hang-up while paused); -1 for streams.
    private final int watchFd;
    private final AtomicBoolean watchClosed = new AtomicBoolean();

    private PipeTransport(ReadableByteChannel in, GatheringByteChannel out, String description, int watchFd) {
        this.in = in;
        this.out = out;
        this.description = description;
        this.watchFd = watchFd;
    }

    /**
     * Talks over file descriptors this process inherited (or opened): reads {@code readFd}, writes
     * {@code writeFd}. Takes ownership of both: they are reopened as channels and the original
     * numbers closed, so {@link #close()} from another thread wakes a blocked read or write (the
     * JDK's asynchronous close) and the peer sees end of stream once the transport is closed.
     * Standard streams (0, 1, 2) are pointed at {@code /dev/null} instead of closed, so that a later
     * {@code open} cannot take their numbers and receive stray {@code System.out} output.
     *
     * <p>Both must be pipes: a process started without them (a worker run by hand, not by its
     * manager) has other files at those numbers, often the JVM's own, and taking those over would
     * break the JVM.
     *
     * @param readFd the descriptor to read
     * @param writeFd the descriptor to write
     * @return the transport
     * @throws IOException if a descriptor is not open, or is not a pipe (for a socket, use a
     *     Unix-socket transport)
     */
    public static PipeTransport inherited(int readFd, int writeFd) throws IOException {
        if (readFd < 0 || writeFd < 0 || readFd == writeFd) {
            throw new IllegalArgumentException("need two different descriptors, got " + readFd + " and " + writeFd);
        }
        requirePipe(readFd);
        requirePipe(writeFd);
        FileChannel in = reopen(readFd, StandardOpenOption.READ);
        FileChannel out;
        try {
            out = reopen(writeFd, StandardOpenOption.WRITE);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        int watchFd = -1;
        try {
            // Kept only to ask poll whether the writer is gone; it reads nothing.
            watchFd = NativePosix.files().fcntl(readFd, FileLibrary.F_DUPFD_CLOEXEC, 0);
            if (watchFd < 0) {
                throw new IOException("cannot duplicate fd " + readFd + ": " + NativePosix.describeErrno(NativePosix.errno()));
            }
            giveUpNumber(readFd);
            giveUpNumber(writeFd);
        } catch (IOException e) {
            in.close();
            out.close();
            if (watchFd >= 0) {
                NativePosix.files().close(watchFd);
            }
            throw e;
        }
        return new PipeTransport(in, out, "pipe:" + readFd + ">" + writeFd, watchFd);
    }

    /**
     * {@link #inherited} for two {@link Descriptor}s, which this transport takes over (and closes).
     *
     * @param readEnd the descriptor to read
     * @param writeEnd the descriptor to write
     * @return the transport
     * @throws IOException as for {@link #inherited}
     */
    public static PipeTransport of(Descriptor readEnd, Descriptor writeEnd) throws IOException {
        PipeTransport transport = inherited(readEnd.fd(), writeEnd.fd());
        readEnd.release();
        writeEnd.release();
        return transport;
    }

    /**
     * Talks over a pair of streams, e.g. a child's {@code Process.getInputStream()} and
     * {@code getOutputStream()}. Every write is flushed. Closing closes both streams; a read blocked
     * in {@code in} ends when that stream does (for a process: when the child exits or closes its
     * output, which it normally does once its input is closed).
     *
     * @param in what the peer writes
     * @param out what the peer reads
     * @return the transport
     */
    public static PipeTransport streams(InputStream in, OutputStream out) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        return new PipeTransport(Channels.newChannel(in), new FlushingStreamChannel(out), "pipe:streams", -1);
    }

    @Override
    public int read(ByteBuffer dst, IntConsumer descriptors) throws IOException {
        if (!dst.hasRemaining()) {
            return 0;
        }
        while (true) {
            int n = in.read(dst);
            if (n != 0) {
                return n;
            }
        }
    }

    @Override
    public void write(ByteBuffer[] srcs) throws IOException {
        ChannelWrites.writeFully(out, srcs);
    }

    /**
     * For inherited pipes, asks the kernel (poll) whether the writing end is closed, and reads
     * nothing; over streams it cannot tell.
     */
    @Override
    public int pollWhilePaused(ByteBuffer dst, IntConsumer descriptors) throws IOException {
        if (watchFd < 0 || watchClosed.get()) {
            return 0;
        }
        return NativePosix.hungUp(watchFd) ? -1 : 0;
    }

    @Override
    public void shutdownOutput() throws IOException {
        out.close();
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            try {
                in.close();
            } finally {
                if (watchFd >= 0 && watchClosed.compareAndSet(false, true)) {
                    NativePosix.files().close(watchFd);
                }
            }
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public String toString() {
        return "PipeTransport[" + description + "]";
    }

    /** Closes {@code fd}, or for a standard stream points it at /dev/null (the number stays taken). */
    private static void giveUpNumber(int fd) throws IOException {
        FileLibrary files = NativePosix.files();
        if (fd > 2) {
            if (files.close(fd) < 0) {
                throw new IOException("cannot close fd " + fd + ": " + NativePosix.describeErrno(NativePosix.errno()));
            }
            return;
        }
        int devNull = files.open("/dev/null", FileLibrary.O_RDWR | FileLibrary.O_CLOEXEC, 0);
        if (devNull < 0) {
            throw new IOException("cannot open /dev/null: " + NativePosix.describeErrno(NativePosix.errno()));
        }
        try {
            // dup2 replaces the standard stream atomically and clears close-on-exec on it, as it should be
            if (files.dup2(devNull, fd) < 0) {
                throw new IOException("cannot point fd " + fd + " at /dev/null: " + NativePosix.describeErrno(NativePosix.errno()));
            }
        } finally {
            files.close(devNull);
        }
    }

    /**
     * Fails unless {@code fd} is an open pipe. Linux names what a descriptor refers to in
     * {@code /proc/self/fd} ({@code pipe:[inode]}, {@code socket:[inode]}, or a path), which
     * {@link #reopen} relies on anyway, so no native call is needed.
     */
    private static void requirePipe(int fd) throws IOException {
        String target;
        try {
            target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
        } catch (NoSuchFileException e) {
            throw new IOException("fd " + fd + " is not open");
        }
        if (!target.startsWith("pipe:")) {
            throw new IOException("fd " + fd + " is not a pipe" + (target.startsWith("socket:") ? " but a socket (use a Unix-socket transport)" : " but " + target)
                    + ": was this process started without the descriptors it expects?");
        }
    }

    /**
     * A new open file description of the same pipe ({@code /proc/self/fd/N}), as an interruptible
     * {@link FileChannel}: closing it wakes threads blocked on it, which a raw fd cannot offer.
     */
    private static FileChannel reopen(int fd, StandardOpenOption mode) throws IOException {
        try {
            return FileChannel.open(Path.of("/proc/self/fd/" + fd), mode);
        } catch (IOException e) {
            throw new IOException("cannot open inherited fd " + fd + " for " + (mode == StandardOpenOption.READ
                    ? "reading" : "writing") + " (is it open, and a pipe or file?): " + e, e);
        }
    }

    /** An {@link OutputStream} as a gathering channel that flushes after every write. */
    private static final class FlushingStreamChannel implements GatheringByteChannel {
        private final OutputStream out;
        private volatile boolean open = true;

        FlushingStreamChannel(OutputStream out) {
            this.out = out;
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            long total = 0;
            for (int i = offset; i < offset + length; i++) {
                total += put(srcs[i]);
            }
            out.flush();
            return total;
        }

        @Override
        public long write(ByteBuffer[] srcs) throws IOException {
            return write(srcs, 0, srcs.length);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            int n = put(src);
            out.flush();
            return n;
        }

        private int put(ByteBuffer src) throws IOException {
            if (!open) {
                throw new java.nio.channels.ClosedChannelException();
            }
            int n = src.remaining();
            if (src.hasArray()) {
                out.write(src.array(), src.arrayOffset() + src.position(), n);
                src.position(src.limit());
            } else {
                byte[] chunk = new byte[Math.min(n, 8192)];
                while (src.hasRemaining()) {
                    int take = Math.min(chunk.length, src.remaining());
                    src.get(chunk, 0, take);
                    out.write(chunk, 0, take);
                }
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() throws IOException {
            if (open) {
                open = false;
                out.close();
            }
        }
    }
}
