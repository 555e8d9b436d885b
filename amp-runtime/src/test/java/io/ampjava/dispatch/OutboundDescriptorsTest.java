package io.ampjava.dispatch;

import static io.ampjava.testing.WireBytes.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ampjava.internal.posix.NativePosix;
import io.ampjava.transport.Transport;
import io.ampjava.types.Descriptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Which message each descriptor rides: one per message, with the box it was queued for (the last
 * one together with the rest of that box), never after that box; plain boxes around it still share
 * one gathering write.
 */
@Timeout(20)
class OutboundDescriptorsTest {
    /** Records {@code "write:<bytes>"}, {@code "fd:<byte>"} and {@code "fd+rest:<bytes>"}. */
    static final class WholeBoxTransport implements Transport {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void write(ByteBuffer[] srcs) {
            StringBuilder text = new StringBuilder("write:");
            for (ByteBuffer src : srcs) {
                append(text, src);
            }
            calls.add(text.toString());
        }

        @Override
        public void writeWithDescriptor(ByteBuffer src, int fd) {
            assertEquals(1, src.remaining(), "exactly one byte per descriptor");
            calls.add(append(new StringBuilder("fd:"), src).toString());
        }

        @Override
        public void writeWithDescriptorAndRest(ByteBuffer src, int fd) {
            calls.add(append(new StringBuilder("fd+rest:"), src).toString());
        }

        private static StringBuilder append(StringBuilder text, ByteBuffer src) {
            while (src.hasRemaining()) {
                text.append((char) src.get());
            }
            return text;
        }

        @Override
        public int read(ByteBuffer dst, IntConsumer descriptors) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean canPassDescriptors() {
            return true;
        }

        @Override
        public void shutdownOutput() {}

        @Override
        public void close() {}

        @Override
        public String describe() {
            return "recording";
        }
    }

    @Test
    void aDescriptorRidesWithItsOwnBoxAndPlainBoxesAroundItAreCombined() throws IOException {
        try (Descriptor.Pipe pipe = Descriptor.pipe()) {
            WholeBoxTransport transport = new WholeBoxTransport();
            OutboundQueue queue = new OutboundQueue(new ConnectionTransport(transport), new OutboundQueueTest.Events());
            queue.enqueue(ascii("A;"), false);
            queue.enqueue(ascii("B;"), false);
            assertEquals(0, queue.addDescriptor(NativePosix.posix().dup(pipe.readEnd().fd())));
            queue.enqueue(ascii("C-fd;"), false);
            queue.enqueue(ascii("D;"), false);
            queue.enqueue(ascii("E;"), false);
            queue.flush();
            assertEquals(List.of("write:A;B;", "fd+rest:C-fd;", "write:D;E;"), transport.calls);
        }
    }

    @Test
    void severalDescriptorsOfOneBoxTakeOneByteEachAndTheLastTakesTheRest() throws IOException {
        try (Descriptor.Pipe pipe = Descriptor.pipe()) {
            WholeBoxTransport transport = new WholeBoxTransport();
            OutboundQueue queue = new OutboundQueue(new ConnectionTransport(transport), new OutboundQueueTest.Events());
            for (int i = 0; i < 3; i++) {
                queue.addDescriptor(NativePosix.posix().dup(pipe.readEnd().fd()));
            }
            queue.enqueue(ascii("abcdef"), false);
            queue.flush();
            assertEquals(List.of("fd:a", "fd:b", "fd+rest:cdef"), transport.calls);
        }
    }

    @Test
    void descriptorsQueuedForABoxNotYetEnqueuedWaitForIt() throws IOException {
        try (Descriptor.Pipe pipe = Descriptor.pipe()) {
            WholeBoxTransport transport = new WholeBoxTransport();
            OutboundQueue queue = new OutboundQueue(new ConnectionTransport(transport), new OutboundQueueTest.Events());
            queue.enqueue(ascii("plain"), false);
            // A responder's codec queued a descriptor; its answer is not enqueued yet.
            queue.addDescriptor(NativePosix.posix().dup(pipe.readEnd().fd()));
            queue.flush();
            assertEquals(List.of("write:plain"), transport.calls);
            queue.enqueue(ascii("answer"), false);
            queue.flush();
            assertEquals(List.of("write:plain", "fd+rest:answer"), transport.calls);
        }
    }

    @Test
    void aBoxShorterThanItsDescriptorsPassesTheRestToTheNextBox() throws IOException {
        try (Descriptor.Pipe pipe = Descriptor.pipe()) {
            WholeBoxTransport transport = new WholeBoxTransport();
            OutboundQueue queue = new OutboundQueue(new ConnectionTransport(transport), new OutboundQueueTest.Events());
            for (int i = 0; i < 3; i++) {
                queue.addDescriptor(NativePosix.posix().dup(pipe.readEnd().fd()));
            }
            queue.enqueue(ascii("xy"), false);
            queue.enqueue(ascii("zw"), false);
            queue.flush();
            assertEquals(List.of("fd:x", "fd:y", "fd+rest:zw"), transport.calls);
            // And when no box follows in the batch, the next one takes them.
            for (int i = 0; i < 2; i++) {
                queue.addDescriptor(NativePosix.posix().dup(pipe.readEnd().fd()));
            }
            queue.enqueue(ascii("q"), false);
            queue.flush();
            queue.enqueue(ascii("rs"), false);
            queue.flush();
            assertEquals(List.of("fd:x", "fd:y", "fd+rest:zw", "fd:q", "fd+rest:rs"), transport.calls);
            assertEquals(5, queue.addDescriptor(NativePosix.posix().dup(pipe.readEnd().fd())));
            queue.close(); // closes the unsent duplicate
        }
    }
}
