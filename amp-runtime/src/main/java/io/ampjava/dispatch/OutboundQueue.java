package io.ampjava.dispatch;

import io.ampjava.internal.posix.NativePosix;
import io.ampjava.transport.Transport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
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
 * lock), and each belongs to the first box enqueued after it. A batch goes out with its descriptors
 * riding on its first bytes ({@link Transport#writeFramesWithDescriptors}): on a Unix socket the
 * descriptors of pipelined calls share one {@code sendmsg}, and the peer reads them together with
 * the boxes (Twisted sends one descriptor per message, and receives any number per message). A
 * descriptor never arrives after the box that names it, and at most
 * {@link #DESCRIPTORS_PER_WRITE} arrive ahead of theirs. A caller that holds this queue's monitor
 * while it encodes a box and enqueues it ({@code synchronized (queue)}) gets ordinals that follow
 * wire order exactly.
 *
 * <p>A box enqueued with {@code closeAfter} is the last one: later boxes are refused, and once it
 * has been written the {@link Listener} closes the connection.
 *
 * <p>StartTLS and protocol switches change what the queue may write. {@link #hold} keeps later
 * boxes back (StartTLS: nothing may follow the request or the answer in the clear) until
 * {@link #release}; meanwhile the connection may swap its transport for a TLS one. {@link #lock} refuses boxes
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

    private final ConnectionTransport transport; // read once per batch: a TLS upgrade swaps it between batches
    private static final int[] NO_DESCRIPTORS = {};
    /**
     * The most descriptors one write sends ahead of the boxes that name them: pipelined descriptor
     * calls share a message (and the peer a read), yet a peer never holds more than this many
     * descriptors that arrived before their boxes (Twisted's own send queue takes as many).
     */
    static final int DESCRIPTORS_PER_WRITE = 64;

    private final Listener listener;
    private Frames boxes = new Frames();
    // The flusher's batch is the other Frames: the two swap at each batch, so a flush copies no array.
    private Frames spare = new Frames();
    private Frames held; // non-null while holding: boxes kept back until release()
    private volatile boolean locked; // a protocol switch: boxes refused, raw bytes taken (read without the lock)
    private int drainWaiters;
    // Bytes enqueued and not yet written (held ones and the batch a flusher is writing included);
    // written under the lock, read without it by the reader thread deciding whether to pause.
    private volatile long queuedBytes;
    // Counts progress (a batch written, or a first box after the queue was empty), for a write-stall
    // watch that compares it between its looks; written under the lock.
    private volatile int progress;
    private final MemoryBudget budget; // counts queuedBytes when not null
    private int[] descriptors = new int[4];
    private int descriptorCount;
    private int assignedDescriptors; // descriptors[0, assigned) go with boxes already queued (or held)
    private int nextOrdinal;
    private boolean flushing;
    private boolean closing; // a closeAfter box is queued: refuse later boxes
    private boolean closed;

    OutboundQueue(ConnectionTransport transport, Listener listener) {
        this(transport, listener, null);
    }

    OutboundQueue(ConnectionTransport transport, Listener listener, MemoryBudget budget) {
        this.transport = transport;
        this.budget = budget;
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
        (held != null ? held : boxes).add(bytes, descriptorCount - assignedDescriptors);
        assignedDescriptors = descriptorCount;
        queued(bytes.length);
        closing = closeAfter;
        return true;
    }

    /**
     * Queues a box ahead of those {@link #hold held} back: it is written now, in the clear (an
     * error answer to a StartTLS that crossed ours). It carries no descriptor.
     */
    synchronized boolean enqueueAhead(byte[] box) {
        if (closed || closing || locked) {
            return false;
        }
        boxes.add(box, 0);
        queued(box.length);
        return true;
    }

    /** Keeps every box enqueued from now on back, until {@link #release}. */
    synchronized void hold() {
        if (held == null) {
            held = new Frames();
        }
    }

    /**
     * Lets the held boxes go and flushes them (through the TLS transport, when StartTLS has just
     * replaced the connection's transport).
     */
    void release() {
        synchronized (this) {
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
        // Whatever is thrown, even an Error, the flag must fall: a queue left "flushing" by a dead
        // flusher would never write again.
        boolean stopped = false;
        try {
            while (true) {
                Frames batch;
                int[] fds;
                boolean lastCloses;
                Transport target;
                long batchBytes = 0;
                synchronized (this) {
                    if (closed || boxes.isEmpty()) {
                        stopFlushing();
                        stopped = true;
                        return;
                    }
                    batch = boxes;
                    boxes = spare; // empty: the last flusher cleared it
                    spare = null;
                    int fdCount = batch.descriptorTotal();
                    lastCloses = closing && held == null; // a held closing box is not in this batch
                    target = transport.get();
                    // The batch's descriptors lead the queue; those of held boxes and of boxes still
                    // being encoded stay.
                    if (fdCount == 0) {
                        fds = NO_DESCRIPTORS;
                    } else {
                        fds = Arrays.copyOf(descriptors, fdCount);
                        System.arraycopy(descriptors, fdCount, descriptors, 0, descriptorCount - fdCount);
                        descriptorCount -= fdCount;
                        assignedDescriptors -= fdCount;
                    }
                }
                for (int i = 0; i < batch.count; i++) {
                    batchBytes += batch.bytes[i].length;
                }
                try {
                    write(target, batch, fds);
                } catch (Throwable failure) {
                    synchronized (this) {
                        batch.clear();
                        spare = batch;
                        stopFlushing();
                    }
                    stopped = true;
                    listener.writeFailed(failure);
                    return;
                }
                synchronized (this) {
                    batch.clear();
                    spare = batch;
                    if (!closed) {
                        queuedBytes -= batchBytes;
                        progress++;
                        if (budget != null) {
                            budget.release(batchBytes);
                        }
                    }
                }
                listener.written();
                if (lastCloses) {
                    synchronized (this) {
                        stopFlushing();
                    }
                    stopped = true;
                    listener.closingBoxWritten();
                    return;
                }
            }
        } finally {
            if (!stopped) {
                synchronized (this) {
                    stopFlushing();
                }
            }
        }
    }

    /** Under the lock: {@code length} more bytes wait to be written. */
    private void queued(int length) {
        if (queuedBytes == 0) {
            progress++; // a stall is counted from the first box waiting
        }
        queuedBytes += length;
        if (budget != null) {
            budget.acquire(length);
        }
    }

    /**
     * A number that changes whenever the queue makes progress (a batch written, or a first box after
     * it was empty): a write-stall watch sees a stall as boxes waiting while it stays the same.
     */
    int progress() {
        return progress;
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
            assignedDescriptors = 0;
            if (budget != null) {
                budget.release(queuedBytes);
            }
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

    /**
     * Writes the batch in groups of boxes whose descriptors all ride on the group's first bytes
     * ({@link Transport#writeFramesWithDescriptors}): a group ends before the box whose descriptors
     * would take it past {@link #DESCRIPTORS_PER_WRITE}, so each descriptor reaches the peer with
     * or before the box that names it. {@code frames.descriptors[i]} counts the descriptors (from the
     * front of {@code fds}) that go with box i; when the last group holds too few bytes to carry all
     * its descriptors, the others wait for the next box.
     */
    private void write(Transport transport, Frames frames, int[] fds) throws IOException {
        byte[][] batch = frames.bytes;
        int[] riding = frames.descriptors;
        int count = frames.count;
        int perMessage = transport.descriptorsPerMessage();
        int sent = 0; // descriptors sent (and closed) so far
        try {
            int groupStart = 0;
            int groupDescriptors = 0;
            long groupBytes = 0;
            for (int i = 0; i < count; i++) {
                if (riding[i] > 0 && groupDescriptors > 0 && groupDescriptors + riding[i] > DESCRIPTORS_PER_WRITE
                        && groupBytes >= bytesToCarry(groupDescriptors, perMessage)) {
                    sent = writeGroup(transport, batch, groupStart, i, fds, sent, sent + groupDescriptors);
                    groupStart = i;
                    groupDescriptors = 0;
                    groupBytes = 0;
                }
                groupDescriptors += riding[i];
                groupBytes += batch[i].length;
            }
            // The last group's bytes may be too few for its descriptors (a box shorter than its
            // descriptors): they carry what they can, and the rest wait for the next box.
            int carried = (int) Math.min(groupDescriptors, groupBytes * perMessage);
            if (carried > 0) {
                sent = writeGroup(transport, batch, groupStart, count, fds, sent, sent + carried);
            } else {
                writePlain(transport, batch, groupStart, count);
            }
            if (sent < fds.length) {
                requeueFront(Arrays.copyOfRange(fds, sent, fds.length));
                sent = fds.length;
            }
        } finally {
            for (int i = sent; i < fds.length; i++) {
                NativePosix.posix().close(fds[i]); // the write failed: these will never be sent
            }
        }
    }

    /** Writes boxes {@code [from, to)} with {@code fds[fdFrom, fdTo)}, closes those, and returns {@code fdTo}. */
    private static int writeGroup(Transport transport, byte[][] batch, int from, int to, int[] fds, int fdFrom, int fdTo)
            throws IOException {
        transport.writeFramesWithDescriptors(batch, from, to, fds, fdFrom, fdTo);
        for (int i = fdFrom; i < fdTo; i++) {
            NativePosix.posix().close(fds[i]); // our duplicate: the peer has its own now
        }
        return fdTo;
    }

    /** The bytes that {@code descriptors} need to ride on, at {@code perMessage} a message. */
    private static int bytesToCarry(int descriptors, int perMessage) {
        return (descriptors + perMessage - 1) / perMessage;
    }

    /** One gathering write of boxes {@code [from, to)}; none when they hold no byte (a close marker). */
    private static void writePlain(Transport transport, byte[][] batch, int from, int to) throws IOException {
        boolean any = false;
        for (int i = from; i < to && !any; i++) {
            any = batch[i].length > 0;
        }
        if (any) {
            transport.writeFrames(batch, from, to);
        }
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
                // They go first, with the first box queued meanwhile (or held), if there is one.
                Frames first = !boxes.isEmpty() ? boxes : held != null && !held.isEmpty() ? held : null;
                if (first != null) {
                    first.descriptors[0] += leftover.length;
                    assignedDescriptors += leftover.length;
                }
            }
        }
        if (closeNow) {
            for (int fd : leftover) {
                NativePosix.posix().close(fd);
            }
        }
    }

    /** Queued boxes and how many descriptors go with each. Guarded by the queue's lock. */
    private static final class Frames {
        byte[][] bytes = new byte[16][];
        int[] descriptors = new int[16];
        int count;

        void add(byte[] box, int descriptorCount) {
            if (count == bytes.length) {
                bytes = Arrays.copyOf(bytes, count * 2);
                descriptors = Arrays.copyOf(descriptors, count * 2);
            }
            bytes[count] = box;
            descriptors[count] = descriptorCount;
            count++;
        }

        void addAll(Frames other) {
            for (int i = 0; i < other.count; i++) {
                add(other.bytes[i], other.descriptors[i]);
            }
        }

        int descriptorTotal() {
            int total = 0;
            for (int i = 0; i < count; i++) {
                total += descriptors[i];
            }
            return total;
        }

        boolean isEmpty() {
            return count == 0;
        }

        void clear() {
            Arrays.fill(bytes, 0, count, null);
            count = 0;
        }
    }
}
