package io.ampjava.transport;

import io.ampjava.internal.posix.NativePosix;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * One end of a connected pair of in-memory byte streams, for fast tests without sockets.
 *
 * <p>It behaves like a Unix stream socket: each direction buffers a bounded number of bytes (a
 * writer blocks while the buffer is full, so backpressure is real); {@link #shutdownOutput} makes the
 * peer read end of stream after the buffered bytes; {@link #close} wakes a blocked reader with an
 * {@link IOException} and makes the peer's later writes fail ("broken pipe").
 *
 * <p>It carries descriptors too, the way {@code SCM_RIGHTS} does: {@link #writeWithDescriptor}
 * duplicates the fd (the "kernel's" copy, the caller keeps its own) and attaches it to the one byte
 * it writes; the {@link #read} that returns that byte first hands the fd to its consumer. Fds that
 * are never read are closed when the reading end closes, so nothing leaks.
 *
 * <pre>{@code
 * InMemoryTransport.Pair pair = InMemoryTransport.pair();
 * AmpConnection client = AmpConnection.open(pair.left(), ResponderLocator.NONE);
 * AmpConnection server = AmpConnection.open(pair.right(), locator);
 * }</pre>
 */
public final class InMemoryTransport implements Transport {
    /** The default buffer of each direction, in bytes: about what a Unix socket buffers. */
    public static final int DEFAULT_CAPACITY = 64 * 1024;

    private static final AtomicInteger PAIRS = new AtomicInteger();

    /** Two connected ends: what one writes, the other reads. */
    public record Pair(InMemoryTransport left, InMemoryTransport right) {}

    private final Direction in;
    private final Direction out;
    private final boolean passesDescriptors;
    private final String name;
    private final AtomicLong writeCalls = new AtomicLong();

    private InMemoryTransport(Direction in, Direction out, boolean passesDescriptors, String name) {
        this.in = in;
        this.out = out;
        this.passesDescriptors = passesDescriptors;
        this.name = name;
    }

    /** A pair with {@link #DEFAULT_CAPACITY} bytes per direction that carries descriptors. */
    public static Pair pair() {
        return pair(DEFAULT_CAPACITY, true);
    }

    /**
     * A pair with {@code capacity} bytes per direction; {@code passesDescriptors} false makes it
     * behave like TCP ({@link #canPassDescriptors()} false).
     */
    public static Pair pair(int capacity, boolean passesDescriptors) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        int number = PAIRS.incrementAndGet();
        Direction leftToRight = new Direction(capacity);
        Direction rightToLeft = new Direction(capacity);
        return new Pair(
                new InMemoryTransport(rightToLeft, leftToRight, passesDescriptors, "memory:" + number + "/left"),
                new InMemoryTransport(leftToRight, rightToLeft, passesDescriptors, "memory:" + number + "/right"));
    }

    @Override
    public int read(ByteBuffer dst, IntConsumer descriptors) throws IOException {
        return in.read(dst, descriptors);
    }

    @Override
    public void write(ByteBuffer[] srcs) throws IOException {
        writeCalls.incrementAndGet();
        for (ByteBuffer src : srcs) {
            out.write(src);
        }
    }

    /** Writes one byte of {@code src} (advancing its position) with a duplicate of {@code fd}. */
    @Override
    public void writeWithDescriptor(ByteBuffer src, int fd) throws IOException {
        if (!passesDescriptors) {
            Transport.super.writeWithDescriptor(src, fd);
        }
        if (!src.hasRemaining()) {
            throw new IllegalArgumentException("a descriptor must ride with a byte, and src is empty");
        }
        writeCalls.incrementAndGet();
        out.writeOne(src, fd);
    }

    @Override
    public boolean canPassDescriptors() {
        return passesDescriptors;
    }

    @Override
    public void shutdownOutput() {
        out.shutdownOutput();
    }

    @Override
    public void close() {
        in.closeReader();
        out.shutdownOutput();
    }

    @Override
    public String describe() {
        return name;
    }

    /**
     * How many {@link #write} and {@link #writeWithDescriptor} calls this end has served: what a
     * socket transport would pay in system calls.
     */
    public long writeCalls() {
        return writeCalls.get();
    }

    /** How many bytes this end has written that the peer has not read yet (at most the capacity). */
    public int unreadOutbound() {
        return out.buffered();
    }

    /** The threads blocked right now in a write on this end, waiting for the peer to read: backpressure seen. */
    public Set<Thread> blockedWriters() {
        return out.blockedWriters();
    }

    /** The thread that last called {@link #read} on this end, if any: the reader a test may watch. */
    public Optional<Thread> lastReader() {
        return in.lastReader();
    }

    /** Waits until the peer has read everything this end wrote, or the time is up; returns whether it has. */
    public boolean awaitDrained(long timeout, TimeUnit unit) throws InterruptedException {
        return out.awaitDrained(unit.toNanos(timeout));
    }

    @Override
    public String toString() {
        return "InMemoryTransport[" + name + "]";
    }

    /** One direction: a bounded ring of bytes, with fds attached to single bytes by stream offset. */
    private static final class Direction {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition readable = lock.newCondition();
        private final Condition writable = lock.newCondition();
        private final byte[] ring;
        private int head;
        private int count;
        private long consumed; // stream offset of ring[head]
        private final ArrayDeque<long[]> attached = new ArrayDeque<>(); // {offset, fd}, offsets increasing
        private boolean outputShut; // the writer is done: read end of stream after the bytes
        private boolean readerClosed; // the reader is gone: writes fail, bytes and fds are dropped
        private final Set<Thread> blockedWriters = new HashSet<>(); // waiting for space
        private Thread lastReader;

        Direction(int capacity) {
            ring = new byte[capacity];
        }

        int read(ByteBuffer dst, IntConsumer descriptors) throws IOException {
            int n;
            long[][] fds;
            lock.lock();
            try {
                lastReader = Thread.currentThread();
                while (count == 0 && !outputShut && !readerClosed) {
                    awaitAsIo(readable);
                }
                if (readerClosed) {
                    throw new IOException("transport closed");
                }
                if (count == 0) {
                    return -1;
                }
                n = Math.min(dst.remaining(), count);
                int first = Math.min(n, ring.length - head);
                dst.put(ring, head, first);
                dst.put(ring, 0, n - first);
                head = (head + n) % ring.length;
                count -= n;
                consumed += n;
                int riding = 0;
                for (long[] fd : attached) {
                    if (fd[0] >= consumed) {
                        break;
                    }
                    riding++;
                }
                fds = new long[riding][];
                for (int i = 0; i < riding; i++) {
                    fds[i] = attached.poll();
                }
                writable.signalAll();
            } finally {
                lock.unlock();
            }
            // Outside the lock: the consumer may do anything. It owns each fd once handed over.
            int handed = 0;
            try {
                for (; handed < fds.length; handed++) {
                    descriptors.accept((int) fds[handed][1]);
                }
            } finally {
                for (int i = handed + 1; i < fds.length; i++) {
                    Native.close((int) fds[i][1]);
                }
            }
            return n;
        }

        void write(ByteBuffer src) throws IOException {
            lock.lock();
            try {
                while (src.hasRemaining()) {
                    awaitSpace();
                    int tail = (head + count) % ring.length;
                    int n = Math.min(src.remaining(), Math.min(ring.length - count, ring.length - tail));
                    src.get(ring, tail, n);
                    count += n;
                    readable.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }

        void writeOne(ByteBuffer src, int fd) throws IOException {
            int copy = Native.duplicate(fd);
            lock.lock();
            try {
                awaitSpace();
                attached.add(new long[] {consumed + count, copy});
                copy = -1;
                ring[(head + count) % ring.length] = src.get();
                count++;
                readable.signalAll();
            } finally {
                lock.unlock();
                if (copy >= 0) {
                    Native.close(copy);
                }
            }
        }

        private void awaitSpace() throws IOException {
            while (true) {
                if (readerClosed) {
                    throw new IOException("broken pipe: the peer closed its end");
                }
                if (outputShut) {
                    throw new IOException("output shut down");
                }
                if (count < ring.length) {
                    return;
                }
                blockedWriters.add(Thread.currentThread());
                try {
                    awaitAsIo(writable);
                } finally {
                    blockedWriters.remove(Thread.currentThread());
                }
            }
        }

        void shutdownOutput() {
            lock.lock();
            try {
                outputShut = true;
                readable.signalAll();
                writable.signalAll();
            } finally {
                lock.unlock();
            }
        }

        void closeReader() {
            long[][] dropped;
            lock.lock();
            try {
                if (readerClosed) {
                    return;
                }
                readerClosed = true;
                count = 0;
                dropped = attached.toArray(new long[0][]);
                attached.clear();
                readable.signalAll();
                writable.signalAll();
            } finally {
                lock.unlock();
            }
            for (long[] fd : dropped) {
                Native.close((int) fd[1]);
            }
        }

        int buffered() {
            return underLock(() -> count);
        }

        Set<Thread> blockedWriters() {
            return underLock(() -> Set.copyOf(blockedWriters));
        }

        Optional<Thread> lastReader() {
            return underLock(() -> Optional.ofNullable(lastReader));
        }

        private <T> T underLock(Supplier<T> state) {
            lock.lock();
            try {
                return state.get();
            } finally {
                lock.unlock();
            }
        }

        boolean awaitDrained(long nanos) throws InterruptedException {
            lock.lock();
            try {
                while (count > 0 && !readerClosed) {
                    if (nanos <= 0) {
                        return false;
                    }
                    nanos = writable.awaitNanos(nanos);
                }
                return true;
            } finally {
                lock.unlock();
            }
        }

        private static void awaitAsIo(Condition condition) throws InterruptedIOException {
            try {
                condition.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting on an in-memory transport");
            }
        }
    }

    /** The "kernel's" fd operations. */
    private static final class Native {
        static int duplicate(int fd) throws IOException {
            int copy = NativePosix.posix().dup(fd);
            if (copy < 0) {
                throw new IOException("cannot duplicate fd " + fd + ": " + NativePosix.describeErrno(NativePosix.errno()));
            }
            return copy;
        }

        static void close(int fd) {
            NativePosix.posix().close(fd);
        }
    }
}
