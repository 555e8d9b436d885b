package io.ampjava.dispatch;

import static io.ampjava.testing.WireBytes.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.internal.posix.NativePosix;
import io.ampjava.types.Descriptor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The write path alone, over a transport that records every call. */
@Timeout(20)
class OutboundQueueTest {
    /** Records writes as text: {@code "write:<bytes>"} and {@code "fd:<byte>"}; the first write may block. */
    static final class RecordingTransport extends WriteOnlyTransport {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        final CountDownLatch firstWriteEntered = new CountDownLatch(1);
        CountDownLatch releaseFirstWrite = new CountDownLatch(0);
        IOException failure;
        Error error; // thrown by the next write only

        RecordingTransport() {
            super("recording");
        }

        @Override
        public void write(ByteBuffer[] srcs) throws IOException {
            firstWriteEntered.countDown();
            try {
                assertTrue(releaseFirstWrite.await(5, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            if (failure != null) {
                throw failure;
            }
            if (error != null) {
                Error once = error;
                error = null;
                throw once;
            }
            StringBuilder text = new StringBuilder("write:");
            for (ByteBuffer src : srcs) {
                while (src.hasRemaining()) {
                    byte b = src.get();
                    text.append((char) b);
                    synchronized (written) {
                        written.write(b);
                    }
                }
            }
            calls.add(text.toString());
        }

        @Override
        public void writeWithDescriptor(ByteBuffer src, int fd) {
            assertEquals(1, src.remaining(), "exactly one byte per descriptor");
            byte b = src.get();
            synchronized (written) {
                written.write(b);
            }
            calls.add("fd:" + (char) b);
        }
    }

    static final class Events implements OutboundQueue.Listener {
        final AtomicInteger failures = new AtomicInteger();
        final AtomicInteger closings = new AtomicInteger();
        final List<Throwable> failed = new CopyOnWriteArrayList<>();
        Error onWritten; // thrown by the next written() only

        @Override
        public void writeFailed(Throwable failure) {
            failures.incrementAndGet();
            failed.add(failure);
        }

        @Override
        public void written() {
            if (onWritten != null) {
                Error once = onWritten;
                onWritten = null;
                throw once;
            }
        }

        @Override
        public void closingBoxWritten() {
            closings.incrementAndGet();
        }
    }

    @Test
    void aLoneBoxIsOneWrite() {
        RecordingTransport transport = new RecordingTransport();
        OutboundQueue queue = new OutboundQueue(new ConnectionTransport(transport), new Events());
        assertTrue(queue.enqueue(ascii("abc"), false));
        queue.flush();
        assertEquals(List.of("write:abc"), transport.calls);
        queue.flush();
        assertEquals(1, transport.calls.size(), "an empty queue writes nothing");
    }

    @Test
    void boxesQueuedDuringAWriteGoOutTogetherInTheNextOne() throws Exception {
        RecordingTransport transport = new RecordingTransport();
        transport.releaseFirstWrite = new CountDownLatch(1);
        OutboundQueue queue = new OutboundQueue(new ConnectionTransport(transport), new Events());
        queue.enqueue(ascii("first;"), false);
        Thread flusher = new Thread(queue::flush);
        flusher.start();
        assertTrue(transport.firstWriteEntered.await(5, TimeUnit.SECONDS));
        // The flusher is busy: these callers queue and return at once.
        Thread[] callers = new Thread[20];
        for (int i = 0; i < callers.length; i++) {
            String box = "b" + i + ";";
            callers[i] = new Thread(() -> {
                queue.enqueue(ascii(box), false);
                queue.flush();
            });
            callers[i].start();
        }
        for (Thread caller : callers) {
            caller.join(5000);
            assertFalse(caller.isAlive(), "a caller waited for the flusher");
        }
        transport.releaseFirstWrite.countDown();
        flusher.join(5000);
        assertEquals(2, transport.calls.size(), () -> "writes: " + transport.calls);
        assertEquals("write:first;", transport.calls.get(0));
        for (int i = 0; i < callers.length; i++) {
            assertTrue(transport.calls.get(1).contains("b" + i + ";"));
        }
    }

    @Test
    void eachDescriptorRidesOneByteBeforeTheRestAndExtrasWaitForTheNextBox() throws IOException {
        try (Descriptor.Pipe pipe = Descriptor.pipe()) {
            ridesOneByteEach(pipe.readEnd().fd());
        }
    }

    private void ridesOneByteEach(int fd) {
        RecordingTransport transport = new RecordingTransport();
        OutboundQueue queue = new OutboundQueue(new ConnectionTransport(transport), new Events());
        int[] ordinals = new int[3];
        for (int i = 0; i < 3; i++) {
            ordinals[i] = queue.addDescriptor(NativePosix.posix().dup(fd));
        }
        assertEquals(0, ordinals[0]);
        assertEquals(2, ordinals[2]);
        queue.enqueue(ascii("xy"), false);
        queue.flush();
        assertEquals(List.of("fd:x", "fd:y"), transport.calls, "two bytes carry two fds; nothing is left to write");
        queue.enqueue(ascii("zw"), false);
        queue.flush();
        assertEquals(List.of("fd:x", "fd:y", "fd:z", "write:w"), transport.calls);
        assertEquals(3, queue.addDescriptor(NativePosix.posix().dup(fd)));
        queue.close(); // closes the unsent duplicate
    }

    @Test
    void theClosingBoxIsTheLastOneWritten() {
        RecordingTransport transport = new RecordingTransport();
        Events events = new Events();
        OutboundQueue queue = new OutboundQueue(new ConnectionTransport(transport), events);
        assertTrue(queue.enqueue(ascii("answer"), true));
        assertFalse(queue.enqueue(ascii("later"), false), "nothing is accepted after the closing box");
        queue.flush();
        assertEquals(List.of("write:answer"), transport.calls);
        assertEquals(1, events.closings.get());
    }

    @Test
    void aFailedWriteIsReportedAndAClosedQueueRefusesBoxes() {
        RecordingTransport transport = new RecordingTransport();
        transport.failure = new IOException("broken pipe");
        Events events = new Events();
        OutboundQueue queue = new OutboundQueue(new ConnectionTransport(transport), events);
        queue.enqueue(ascii("a"), false);
        queue.flush();
        assertEquals(1, events.failures.get());
        queue.close();
        assertFalse(queue.enqueue(ascii("b"), false));
    }

    @Test
    void aWriteThatThrowsAnErrorIsReportedAndTheQueueWritesAgain() {
        RecordingTransport transport = new RecordingTransport();
        transport.error = new OutOfMemoryError("no memory for this write");
        Events events = new Events();
        OutboundQueue queue = new OutboundQueue(new ConnectionTransport(transport), events);
        queue.enqueue(ascii("a"), false);
        queue.flush();
        assertEquals(List.of(), transport.calls);
        assertEquals(1, events.failed.size());
        assertTrue(events.failed.get(0) instanceof OutOfMemoryError, "the Error reaches the connection: " + events.failed);
        queue.enqueue(ascii("b"), false);
        queue.flush();
        assertEquals(List.of("write:b"), transport.calls, "the queue is not left flushing for ever");
    }

    @Test
    void anErrorAfterAWriteLeavesTheQueueUsable() {
        RecordingTransport transport = new RecordingTransport();
        Events events = new Events();
        events.onWritten = new OutOfMemoryError("no memory after the write");
        OutboundQueue queue = new OutboundQueue(new ConnectionTransport(transport), events);
        queue.enqueue(ascii("a"), false);
        assertThrows(OutOfMemoryError.class, queue::flush);
        queue.enqueue(ascii("b"), false);
        queue.flush();
        assertEquals(List.of("write:a", "write:b"), transport.calls, "the queue is not left flushing for ever");
        assertEquals(0, queue.queuedBytes());
    }
}
