package io.ampjava.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.testing.Await;
import io.ampjava.transport.InMemoryTransport;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxDecoder;
import io.ampjava.wire.BoxEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The far end of an in-memory pair, driven by hand: the test writes exact bytes and reads exact
 * bytes back, with no AMP runtime on this side. A daemon thread reads; boxes arrive with their wire
 * bytes, received fds in a queue.
 */
final class RawPeer implements AutoCloseable {
    /** One box the connection wrote, and its exact bytes. */
    record Received(Box box, byte[] bytes) {}

    final InMemoryTransport transport;
    private final LinkedBlockingQueue<Received> boxes = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<Integer> fds = new LinkedBlockingQueue<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final CountDownLatch reading;
    private final Thread reader;

    RawPeer(InMemoryTransport transport) {
        this(transport, true);
    }

    /** A peer that reads nothing until {@link #resume()} when {@code reading} is false. */
    RawPeer(InMemoryTransport transport, boolean reading) {
        this.transport = transport;
        this.reading = new CountDownLatch(reading ? 0 : 1);
        this.reader = new Thread(this::readLoop, "raw-peer " + transport.describe());
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop() {
        BoxDecoder decoder = new BoxDecoder();
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        try {
            reading.await();
            while (true) {
                buffer.clear();
                if (transport.read(buffer, fds::add) < 0) {
                    return;
                }
                buffer.flip();
                // Feed byte by byte so each box's exact bytes can be cut out.
                while (buffer.hasRemaining()) {
                    byte b = buffer.get();
                    current.write(b);
                    decoder.feed(ByteBuffer.wrap(new byte[] {b}), box -> {
                        boxes.add(new Received(box, current.toByteArray()));
                        current.reset();
                    });
                }
            }
        } catch (IOException | RuntimeException | InterruptedException ended) {
            // closed
        } finally {
            ended.countDown();
        }
    }

    /** Starts reading (for a peer made not reading). */
    void resume() {
        reading.countDown();
    }

    void send(Box box) throws IOException {
        sendBytes(BoxEncoder.encode(box));
    }

    void sendBytes(byte[] bytes) throws IOException {
        transport.write(new ByteBuffer[] {ByteBuffer.wrap(bytes)});
    }

    /** The next box the connection wrote; fails after a timeout. */
    Received next() throws InterruptedException {
        Received received = boxes.poll(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(received, "no box within " + Await.TIMEOUT.toSeconds() + " s");
        return received;
    }

    Box nextBox() throws InterruptedException {
        return next().box();
    }

    /** Asserts the next box's exact bytes. */
    void expectBytes(byte[] expected) throws InterruptedException {
        byte[] actual = next().bytes();
        assertTrue(Arrays.equals(expected, actual),
                () -> "expected " + Arrays.toString(expected) + "\n but got " + Arrays.toString(actual));
    }

    /** Asserts that nothing more is written for {@code millis}. */
    void expectSilence(long millis) throws InterruptedException {
        Received received = boxes.poll(millis, TimeUnit.MILLISECONDS);
        assertNull(received, () -> "unexpected box " + received.box());
    }

    /** Asserts that the connection closed its end (this side reads end of stream) without more boxes. */
    void expectClosedWithoutMore() throws InterruptedException {
        assertTrue(ended.await(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), "the connection did not close");
        assertEquals(0, boxes.size(), () -> "boxes written before the close: " + boxes);
    }

    boolean isEnded() {
        return ended.getCount() == 0;
    }

    @Override
    public void close() {
        transport.close();
    }
}
