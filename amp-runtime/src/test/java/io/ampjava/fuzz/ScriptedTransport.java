package io.ampjava.fuzz;

import io.ampjava.transport.Transport;
import io.ampjava.internal.posix.NativePosix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;

/**
 * A transport that plays a fixed script of incoming pieces, each optionally carrying descriptors,
 * then reports end of stream; what the connection writes is collected in memory and never blocks.
 *
 * <p>Unlike {@code InMemoryTransport}, where how the bytes are cut into reads depends on thread
 * timing, the script decides it: a fuzz input then means the same reads every time it is replayed,
 * so a finding reproduces. For the same reason the first read waits for {@link #play}: the calls the
 * connection makes before it are outstanding when the script's first bytes arrive.
 */
final class ScriptedTransport implements Transport {
    /** One read's worth of bytes, and the descriptors that arrive just before them. */
    record Piece(byte[] bytes, int[] fds) {}

    private final ArrayDeque<Piece> script;
    private final boolean passesDescriptors;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final CountDownLatch playing = new CountDownLatch(1);
    private byte[] current = new byte[0];
    private int offset;
    private boolean closed;
    private boolean outputShut;
    private int descriptorsWritten;

    ScriptedTransport(List<Piece> pieces, boolean passesDescriptors) {
        this.script = new ArrayDeque<>(pieces);
        this.passesDescriptors = passesDescriptors;
    }

    /** Lets the reads begin. */
    void play() {
        playing.countDown();
    }

    @Override
    public int read(ByteBuffer dst, IntConsumer descriptors) throws IOException {
        try {
            playing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted before the script began", e);
        }
        return readScript(dst, descriptors);
    }

    private synchronized int readScript(ByteBuffer dst, IntConsumer descriptors) throws IOException {
        if (closed) {
            throw new IOException("scripted transport closed");
        }
        if (offset == current.length) {
            Piece next = script.poll();
            if (next == null) {
                return -1;
            }
            current = next.bytes();
            offset = 0;
            for (int fd : next.fds()) {
                descriptors.accept(fd); // ownership passes to the connection
            }
        }
        int count = Math.min(dst.remaining(), current.length - offset);
        dst.put(current, offset, count);
        offset += count;
        return count;
    }

    @Override
    public synchronized void write(ByteBuffer[] srcs) throws IOException {
        checkWritable();
        for (ByteBuffer src : srcs) {
            while (src.hasRemaining()) {
                written.write(src.get());
            }
        }
    }

    @Override
    public synchronized void writeWithDescriptor(ByteBuffer src, int fd) throws IOException {
        if (!passesDescriptors) {
            Transport.super.writeWithDescriptor(src, fd);
        }
        checkWritable();
        written.write(src.get());
        descriptorsWritten++;
    }

    @Override
    public boolean canPassDescriptors() {
        return passesDescriptors;
    }

    @Override
    public synchronized void shutdownOutput() {
        outputShut = true;
    }

    /** Closes the descriptors of pieces never read: until read, the script owns them. */
    @Override
    public synchronized void close() {
        playing.countDown(); // a reader still waiting to begin finds the transport closed
        if (closed) {
            return;
        }
        closed = true;
        for (Piece piece : script) {
            for (int fd : piece.fds()) {
                NativePosix.posix().close(fd);
            }
        }
        script.clear();
    }

    @Override
    public String describe() {
        return "scripted";
    }

    /** Everything the connection wrote. */
    synchronized byte[] written() {
        return written.toByteArray();
    }

    synchronized int descriptorsWritten() {
        return descriptorsWritten;
    }

    private void checkWritable() throws IOException {
        if (closed || outputShut) {
            throw new IOException("scripted transport closed for writing");
        }
    }
}
