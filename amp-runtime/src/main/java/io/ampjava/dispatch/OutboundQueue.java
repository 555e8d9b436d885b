package io.ampjava.dispatch;

import io.ampjava.transport.Transport;
import io.ampjava.transport.unix.NativePosix;
import java.io.IOException;
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
 * lock). The flusher sends each with one byte of the bytes it writes, as Twisted does, before the
 * rest of the batch, so a descriptor always reaches the peer no later than the box that names it.
 * A caller that holds this queue's monitor while it encodes a box and enqueues it
 * ({@code synchronized (queue)}) gets ordinals that follow wire order exactly.
 *
 * <p>A box enqueued with {@code closeAfter} is the last one: later boxes are refused, and once it
 * has been written the {@link Listener} closes the connection.
 */
final class OutboundQueue {
    /** What the flusher reports back to the connection. */
    interface Listener {
        /** A write failed; the connection is lost. Called on the flusher's thread, outside any lock. */
        void writeFailed(Throwable failure);

        /** The closing box has been written; the connection should close now. */
        void closingBoxWritten();
    }

    private final Transport transport;
    private final Listener listener;
    // The queue, double-buffered: callers fill one set of arrays while the flusher writes the other,
    // so a flush allocates nothing. frameDescriptors[i] counts the descriptors (from the front of
    // the descriptor queue) that go out with box i: those queued before it and not given to an
    // earlier box.
    private byte[][] frames = new byte[16][];
    private int[] frameDescriptors = new int[16];
    private int frameCount;
    private byte[][] spareFrames = new byte[16][];
    private int[] spareFrameDescriptors = new int[16];
    private int[] descriptors = new int[4];
    private int descriptorCount;
    private int assignedDescriptors; // descriptors[0, assigned) belong to queued boxes
    private int[] spareDescriptors = new int[4];
    private int nextOrdinal;
    private boolean flushing;
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
     * Queues one encoded box; {@link #flush} must follow (outside any lock). The descriptors queued
     * so far and not yet given to a box go out with this one, no later than its first byte.
     *
     * @return false if the box was refused because the connection is closed or closing
     */
    synchronized boolean enqueue(byte[] box, boolean closeAfter) {
        if (closed || closing) {
            return false;
        }
        if (frameCount == frames.length) {
            frames = Arrays.copyOf(frames, frameCount * 2);
            frameDescriptors = Arrays.copyOf(frameDescriptors, frameCount * 2);
        }
        frames[frameCount] = box;
        frameDescriptors[frameCount] = descriptorCount - assignedDescriptors;
        frameCount++;
        assignedDescriptors = descriptorCount;
        closing = closeAfter;
        return true;
    }

    /**
     * Writes what is queued unless another thread is doing so already. Blocks while the transport
     * blocks (the peer is not reading): that is the connection's backpressure.
     */
    void flush() {
        synchronized (this) {
            if (flushing || closed || frameCount == 0) {
                return;
            }
            flushing = true;
        }
        while (true) {
            byte[][] batch;
            int[] batchDescriptors;
            int[] fds;
            int count;
            int fdCount;
            boolean lastCloses;
            synchronized (this) {
                if (closed || frameCount == 0) {
                    flushing = false;
                    return;
                }
                // Take the filled arrays; callers go on with the spare ones.
                batch = frames;
                batchDescriptors = frameDescriptors;
                count = frameCount;
                frames = spareFrames;
                frameDescriptors = spareFrameDescriptors;
                frameCount = 0;
                fds = descriptors;
                fdCount = assignedDescriptors;
                descriptors = spareDescriptors;
                if (descriptors.length < fds.length) {
                    descriptors = new int[fds.length];
                }
                // Descriptors queued for a box not enqueued yet stay queued.
                descriptorCount -= fdCount;
                System.arraycopy(fds, fdCount, descriptors, 0, descriptorCount);
                assignedDescriptors = 0;
                lastCloses = closing;
            }
            try {
                write(batch, batchDescriptors, count, fds, fdCount);
            } catch (IOException | RuntimeException failure) {
                synchronized (this) {
                    flushing = false;
                }
                listener.writeFailed(failure);
                return;
            } finally {
                Arrays.fill(batch, 0, count, null); // the boxes are written (or dropped): let them go
                synchronized (this) {
                    spareFrames = batch;
                    spareFrameDescriptors = batchDescriptors;
                    spareDescriptors = fds;
                }
            }
            if (lastCloses) {
                synchronized (this) {
                    flushing = false;
                }
                listener.closingBoxWritten();
                return;
            }
        }
    }

    /** Refuses further boxes, drops the unsent ones and closes the descriptors not yet sent. */
    void close() {
        int[] unsent;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            Arrays.fill(frames, 0, frameCount, null);
            frameCount = 0;
            assignedDescriptors = 0;
            unsent = Arrays.copyOf(descriptors, descriptorCount);
            descriptorCount = 0;
        }
        for (int fd : unsent) {
            NativePosix.posix().close(fd);
        }
    }

    /**
     * Writes boxes {@code [0, count)}: runs of boxes without descriptors in one gathering write;
     * a box with descriptors as one message per descriptor (one byte each, the last one with the
     * rest of the box), so every message carries at most one descriptor, as Twisted sends them,
     * and the receiver gets each descriptor with the box that names it.
     */
    private void write(byte[][] batch, int[] batchDescriptors, int count, int[] fds, int fdCount)
            throws IOException {
        int sent = 0; // descriptors sent (and closed) so far
        int carried = 0; // descriptors a box was too short for, passed on to the next one
        try {
            int plainStart = 0;
            for (int i = 0; i < count; i++) {
                int riding = batchDescriptors[i] + carried;
                carried = 0;
                if (riding == 0) {
                    continue;
                }
                if (i > plainStart) {
                    transport.write(wrap(batch, plainStart, i));
                }
                plainStart = i + 1;
                ByteBuffer box = ByteBuffer.wrap(batch[i]);
                for (int j = 0; j < riding; j++) {
                    if (!box.hasRemaining()) {
                        carried = riding - j; // more descriptors than bytes: on to the next box
                        break;
                    }
                    int fd = fds[sent];
                    if (j == riding - 1) {
                        transport.writeWithDescriptorAndRest(box, fd);
                    } else {
                        ByteBuffer oneByte = box.duplicate();
                        oneByte.limit(oneByte.position() + 1);
                        transport.writeWithDescriptor(oneByte, fd);
                        box.position(box.position() + 1);
                    }
                    sent++;
                    NativePosix.posix().close(fd);
                }
                if (box.hasRemaining()) {
                    transport.write(new ByteBuffer[] {box});
                }
            }
            if (count > plainStart) {
                transport.write(wrap(batch, plainStart, count));
            }
            if (sent < fdCount) {
                requeueFront(Arrays.copyOfRange(fds, sent, fdCount));
                sent = fdCount;
            }
        } finally {
            for (int i = sent; i < fdCount; i++) {
                NativePosix.posix().close(fds[i]); // the write failed: these will never be sent
            }
        }
    }

    private static ByteBuffer[] wrap(byte[][] batch, int from, int to) {
        ByteBuffer[] buffers = new ByteBuffer[to - from];
        for (int i = from; i < to; i++) {
            buffers[i - from] = ByteBuffer.wrap(batch[i]);
        }
        return buffers;
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
                if (frameCount > 0) {
                    // They go before the descriptors of the first box queued meanwhile, with it.
                    frameDescriptors[0] += leftover.length;
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
}
