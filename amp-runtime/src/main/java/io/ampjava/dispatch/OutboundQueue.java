package io.ampjava.dispatch;

import io.ampjava.transport.Transport;
import io.ampjava.transport.unix.NativePosix;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The boxes waiting to be written on one connection, and the descriptors that must ride with them.
 *
 * <p>Any thread may {@link #enqueue} an encoded box and then {@link #flush}. The thread that finds
 * no flush in progress becomes the flusher: it takes everything queued and writes it with one
 * gathering write, again and again until the queue is empty; the others return at once, their boxes
 * written by the flusher (write combining). A lone box therefore costs exactly one
 * {@link Transport#write} and many concurrent boxes share few.
 *
 * <p>Descriptors are queued in ordinal order ({@link #addDescriptor} numbers them under the queue's
 * lock). The flusher sends each with one byte of the bytes it writes, as Twisted does, before the
 * rest of the batch, so a descriptor always reaches the peer no later than the box that names it.
 * A caller that holds this queue's monitor while it encodes a box and enqueues it
 * ({@code synchronized (queue)}) gets ordinals that follow wire order exactly.
 *
 * <p>A box enqueued with {@code closeAfter} is the last one: later boxes are refused, and once it
 * has been written the {@link Listener} closes the connection.
 *
 * <p>StartTLS and protocol switches change what the queue may write. {@link #hold} keeps later
 * boxes back (StartTLS: nothing may follow the request or the answer in the clear) until
 * {@link #release}, which may swap the transport for a TLS one first. {@link #lock} refuses boxes
 * from then on (a protocol switch) while {@link #enqueueBytes} still takes the new protocol's bytes.
 */
final class OutboundQueue {
    /** What the flusher reports back to the connection. */
    interface Listener {
        /** A write failed; the connection is lost. Called on the flusher's thread, outside any lock. */
        void writeFailed(Throwable failure);

        /** The closing box has been written; the connection should close now. */
        void closingBoxWritten();

        /** A batch has been written: {@link #queuedBytes()} went down. Called outside any lock. */
        default void written() {}
    }

    private Transport transport; // swapped only by release(), under the lock, between batches
    private final Listener listener;
    private final ArrayDeque<byte[]> boxes = new ArrayDeque<>();
    private ArrayDeque<byte[]> held; // non-null while holding: boxes kept back until release()
    private volatile boolean locked; // a protocol switch: boxes refused, raw bytes taken (read without the lock)
    private int drainWaiters;
    private int[] descriptors = new int[4];
    private int descriptorCount;
    private int nextOrdinal;
    private boolean flushing;
    // Bytes enqueued and not yet written (held ones and the batch a flusher is writing included);
    // written under the lock, read without it by the reader thread deciding whether to pause.
    private volatile long queuedBytes;
    private boolean closing; // a closeAfter box is queued: refuse later boxes
    private boolean closed;

    OutboundQueue(Transport transport, Listener listener) {
        this.transport = transport;
        this.listener = listener;
    }

    /**
     * Takes ownership of {@code fd} (a duplicate made for sending) and returns its send ordinal. On a
     * closed queue the fd is closed at once; the call that named it fails anyway.
     */
    synchronized int addDescriptor(int fd) {
        int ordinal = nextOrdinal++;
        if (closed) {
            NativePosix.posix().close(fd);
            return ordinal;
        }
        if (descriptorCount == descriptors.length) {
            descriptors = Arrays.copyOf(descriptors, descriptorCount * 2);
        }
        descriptors[descriptorCount++] = fd;
        return ordinal;
    }

    /**
     * Queues one encoded box; {@link #flush} must follow (outside any lock).
     *
     * @return false if the box was refused because the connection is closed or closing
     */
    synchronized boolean enqueue(byte[] box, boolean closeAfter) {
        if (locked) {
            return false;
        }
        return enqueueBytes(box, closeAfter);
    }

    /**
     * Queues bytes that are not a box (a switched protocol's), even when {@link #lock locked}.
     *
     * @return false if the connection is closed or closing
     */
    synchronized boolean enqueueBytes(byte[] bytes, boolean closeAfter) {
        if (closed || closing) {
            return false;
        }
        (held != null ? held : boxes).add(bytes);
        queuedBytes += bytes.length;
        closing = closeAfter;
        return true;
    }

    /**
     * Queues a box ahead of those {@link #hold held} back: it is written now, in the clear (an
     * error answer to a StartTLS that crossed ours).
     */
    synchronized boolean enqueueAhead(byte[] box) {
        if (closed || closing || locked) {
            return false;
        }
        boxes.add(box);
        queuedBytes += box.length;
        return true;
    }

    /** Keeps every box enqueued from now on back, until {@link #release}. */
    synchronized void hold() {
        if (held == null) {
            held = new ArrayDeque<>();
        }
    }

    /**
     * Lets the held boxes go, through {@code replacement} when it is not null (the TLS transport
     * over the old one), and flushes them.
     */
    void release(Transport replacement) {
        synchronized (this) {
            if (replacement != null) {
                transport = replacement;
            }
            if (held != null) {
                boxes.addAll(held);
                held = null;
            }
        }
        flush();
    }

    /**
     * Waits until everything enqueued before the hold is written and no write is in progress, so
     * the transport's stream is at a box boundary and idle.
     *
     * @throws IOException when the queue closes first
     */
    synchronized void awaitWritten() throws IOException {
        drainWaiters++;
        try {
            while (!closed && (flushing || !boxes.isEmpty())) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the queue to drain");
        } finally {
            drainWaiters--;
        }
        if (closed) {
            throw new IOException(transport.describe() + ": closed before the queue drained");
        }
    }

    /** Refuses boxes from now on (a protocol switch is pending or done); raw bytes still go. */
    synchronized void lock() {
        locked = true;
    }

    /** Takes boxes again: the switch failed. */
    synchronized void unlock() {
        locked = false;
    }

    /** Whether boxes are refused because of a protocol switch. */
    boolean isLocked() {
        return locked;
    }

    /**
     * Writes what is queued unless another thread is doing so already. Blocks while the transport
     * blocks (the peer is not reading): that is the connection's backpressure.
     */
    void flush() {
        synchronized (this) {
            if (flushing || closed || boxes.isEmpty()) {
                return;
            }
            flushing = true;
        }
        while (true) {
            byte[][] batch;
            int[] fds;
            boolean lastCloses;
            Transport target;
            long batchBytes = 0;
            synchronized (this) {
                if (closed || boxes.isEmpty()) {
                    stopFlushing();
                    return;
                }
                batch = boxes.toArray(new byte[0][]);
                boxes.clear();
                lastCloses = closing && held == null; // a held closing box is not in this batch
                target = transport;
                fds = Arrays.copyOf(descriptors, descriptorCount);
                descriptorCount = 0;
            }
            for (byte[] box : batch) {
                batchBytes += box.length;
            }
            try {
                write(target, batch, fds);
            } catch (IOException | RuntimeException failure) {
                synchronized (this) {
                    stopFlushing();
                }
                listener.writeFailed(failure);
                return;
            }
            synchronized (this) {
                if (!closed) {
                    queuedBytes -= batchBytes;
                }
            }
            listener.written();
            if (lastCloses) {
                synchronized (this) {
                    stopFlushing();
                }
                listener.closingBoxWritten();
                return;
            }
        }
    }

    /** Under the lock: the flush is over; wake whoever waits for the queue to drain. */
    private void stopFlushing() {
        flushing = false;
        if (drainWaiters > 0) {
            notifyAll();
        }
    }

    /**
     * The bytes enqueued and not yet written (held ones and the batch being written included): what
     * the peer has not taken yet. Zero once closed.
     */
    long queuedBytes() {
        return queuedBytes;
    }

    /** Refuses further boxes, drops the unsent ones and closes the descriptors not yet sent. */
    void close() {
        int[] unsent;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            boxes.clear();
            held = null;
            queuedBytes = 0;
            if (drainWaiters > 0) {
                notifyAll();
            }
            unsent = Arrays.copyOf(descriptors, descriptorCount);
            descriptorCount = 0;
        }
        for (int fd : unsent) {
            NativePosix.posix().close(fd);
        }
    }

    private void write(Transport transport, byte[][] batch, int[] fds) throws IOException {
        ByteBuffer[] buffers = new ByteBuffer[batch.length];
        for (int i = 0; i < batch.length; i++) {
            buffers[i] = ByteBuffer.wrap(batch[i]);
        }
        int sent = 0;
        try {
            int current = 0;
            for (; sent < fds.length; sent++) {
                while (current < buffers.length && !buffers[current].hasRemaining()) {
                    current++;
                }
                if (current == buffers.length) {
                    break; // more descriptors than bytes: the rest ride with the next batch
                }
                ByteBuffer buffer = buffers[current];
                ByteBuffer oneByte = buffer.duplicate();
                oneByte.limit(oneByte.position() + 1);
                transport.writeWithDescriptor(oneByte, fds[sent]);
                buffer.position(buffer.position() + 1);
                NativePosix.posix().close(fds[sent]);
            }
            if (sent < fds.length) {
                requeueFront(Arrays.copyOfRange(fds, sent, fds.length));
                sent = fds.length;
            }
            if (anyRemaining(buffers)) {
                transport.write(buffers);
            }
        } finally {
            for (int i = sent; i < fds.length; i++) {
                NativePosix.posix().close(fds[i]); // the write failed: these will never be sent
            }
        }
    }

    /** Descriptors consume leading bytes only, but a batch may end in an empty entry (a close marker). */
    private static boolean anyRemaining(ByteBuffer[] buffers) {
        for (int i = buffers.length - 1; i >= 0; i--) {
            if (buffers[i].hasRemaining()) {
                return true;
            }
        }
        return false;
    }

    private void requeueFront(int[] leftover) {
        boolean closeNow;
        synchronized (this) {
            closeNow = closed;
            if (!closeNow) {
                int[] merged = new int[Math.max(4, leftover.length + descriptorCount)];
                System.arraycopy(leftover, 0, merged, 0, leftover.length);
                System.arraycopy(descriptors, 0, merged, leftover.length, descriptorCount);
                descriptors = merged;
                descriptorCount += leftover.length;
            }
        }
        if (closeNow) {
            for (int fd : leftover) {
                NativePosix.posix().close(fd);
            }
        }
    }
}
