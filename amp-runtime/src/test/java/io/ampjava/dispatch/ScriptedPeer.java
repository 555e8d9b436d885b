package io.ampjava.dispatch;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.ampjava.testing.Await;
import io.ampjava.transport.Transport;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxDecoder;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * The far end of a connection, scripted by a test at the byte level and able to switch to TLS or
 * to raw bytes at any point: a daemon thread reads everything into chunks; the test takes exact
 * boxes off the front, checks that nothing else came, and can hand the rest of the stream to a
 * {@code TlsTransport} through {@link #stream}.
 */
final class ScriptedPeer implements AutoCloseable {
    private static final byte[] END = new byte[0];

    private final Transport transport;
    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private ByteBuffer pending = ByteBuffer.allocate(0); // taken from chunks, not yet consumed
    private boolean ended;

    ScriptedPeer(Transport transport) {
        this.transport = transport;
        Thread reader = new Thread(this::readLoop, "scripted-peer " + transport.describe());
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (true) {
                buffer.clear();
                if (transport.read(buffer, fd -> {}) < 0) {
                    break;
                }
                chunks.add(Arrays.copyOf(buffer.array(), buffer.position()));
            }
        } catch (IOException | RuntimeException closed) {
            // the end, either way
        }
        chunks.add(END);
    }

    /** The exact bytes of the next box. */
    byte[] readBoxBytes() throws IOException, InterruptedException {
        int length = 0;
        while (true) {
            int keyLength = u16(length);
            length += 2;
            if (keyLength == 0) {
                break;
            }
            length += keyLength;
            length += 2 + u16(length);
        }
        ensure(length);
        byte[] bytes = new byte[length];
        pending.get(bytes);
        return bytes;
    }

    /** The next box. */
    Box readBox() throws IOException, InterruptedException {
        List<Box> boxes = BoxDecoder.parse(readBoxBytes());
        return boxes.get(0);
    }

    /** Writes all of {@code parts} with one write, so the connection reads them together. */
    void write(byte[]... parts) throws IOException {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            joined.writeBytes(part);
        }
        // One buffer: an in-memory transport then appends it under one lock, so it is read at once.
        transport.write(new ByteBuffer[] {ByteBuffer.wrap(joined.toByteArray())});
    }

    /** Whether nothing arrives (beyond what was consumed) within {@code millis}. */
    boolean quietFor(long millis) throws InterruptedException {
        if (pending.hasRemaining()) {
            return false;
        }
        byte[] chunk = chunks.poll(millis, TimeUnit.MILLISECONDS);
        if (chunk == null) {
            return true;
        }
        push(chunk);
        return false;
    }

    /** Reads until the connection's end of stream; the bytes that came before it. */
    byte[] readToEnd() throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(pending.array(), pending.arrayOffset() + pending.position(), pending.remaining());
        pending = ByteBuffer.allocate(0);
        while (!ended) {
            byte[] chunk = next();
            out.writeBytes(chunk);
        }
        return out.toByteArray();
    }

    /**
     * The rest of the stream as a transport: reads continue where the boxes left off, writes go
     * out, the first one preceded by {@code firstWritePrefix} in the same write (an answer box and
     * the TLS bytes after it arriving together).
     */
    Transport stream(byte[] firstWritePrefix) {
        return new Transport() {
            private byte[] prefix = firstWritePrefix;

            @Override
            public int read(ByteBuffer dst, IntConsumer descriptors) throws IOException {
                try {
                    if (!pending.hasRemaining()) {
                        if (ended) {
                            return -1;
                        }
                        byte[] chunk = next();
                        if (chunk == END) {
                            return -1;
                        }
                        pending = ByteBuffer.wrap(chunk);
                    }
                } catch (InterruptedException e) {
                    throw new InterruptedIOException();
                }
                int count = Math.min(dst.remaining(), pending.remaining());
                ByteBuffer slice = pending.slice();
                slice.limit(count);
                dst.put(slice);
                pending.position(pending.position() + count);
                return count;
            }

            @Override
            public void write(ByteBuffer[] srcs) throws IOException {
                if (prefix != null) {
                    ByteArrayOutputStream joined = new ByteArrayOutputStream();
                    joined.writeBytes(prefix);
                    for (ByteBuffer src : srcs) {
                        byte[] bytes = new byte[src.remaining()];
                        src.get(bytes);
                        joined.writeBytes(bytes);
                    }
                    prefix = null;
                    transport.write(new ByteBuffer[] {ByteBuffer.wrap(joined.toByteArray())});
                } else {
                    transport.write(srcs);
                }
            }

            @Override
            public void shutdownOutput() throws IOException {
                transport.shutdownOutput();
            }

            @Override
            public void close() throws IOException {
                transport.close();
            }

            @Override
            public String describe() {
                return "scripted " + transport.describe();
            }
        };
    }

    /** Whatever came next (at least one byte, unless the stream ended), consumed. */
    byte[] readAvailable() throws InterruptedException {
        if (!pending.hasRemaining() && !ended) {
            push(next());
        }
        byte[] bytes = new byte[pending.remaining()];
        pending.get(bytes);
        return bytes;
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }

    private int u16(int offset) throws IOException, InterruptedException {
        ensure(offset + 2);
        return ((pending.get(pending.position() + offset) & 0xff) << 8) | (pending.get(pending.position() + offset + 1) & 0xff);
    }

    private void ensure(int bytes) throws IOException, InterruptedException {
        while (pending.remaining() < bytes) {
            if (ended) {
                throw new EOFException("the connection ended after " + pending.remaining() + " bytes, " + bytes + " needed");
            }
            push(next());
        }
    }

    private void push(byte[] chunk) {
        if (chunk == END) {
            ended = true;
            return;
        }
        ByteBuffer joined = ByteBuffer.allocate(pending.remaining() + chunk.length);
        joined.put(pending).put(chunk).flip();
        pending = joined;
    }

    private byte[] next() throws InterruptedException {
        byte[] chunk = chunks.poll(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(chunk, "nothing came within " + Await.TIMEOUT.toSeconds() + " s");
        if (chunk == END) {
            ended = true;
        }
        return chunk;
    }
}
