package io.ampjava.dispatch;

import static io.ampjava.testing.WireBytes.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ampjava.internal.posix.NativePosix;
import io.ampjava.types.Descriptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Which message each descriptor rides: a batch's descriptors ride on the batch's first bytes, never
 * after the box they were queued for, at most {@link OutboundQueue#DESCRIPTORS_PER_WRITE} ahead of
 * theirs; on a transport that carries one per message (the default, Twisted's way) each takes a byte
 * and the last takes the rest.
 */
@Timeout(20)
class OutboundDescriptorsTest {
    /** Records {@code "write:<bytes>"}, {@code "fd:<byte>"} and {@code "fd+rest:<bytes>"}. */
    static final class WholeBoxTransport extends WriteOnlyTransport {
        final List<String> calls = new CopyOnWriteArrayList<>();

        WholeBoxTransport() {
            super("recording");
        }

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
    }

    @Test
    void aBatchsDescriptorRidesOnItsFirstByteAndTheWholeBatchGoesTogether() throws IOException {
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
            assertEquals(List.of("fd+rest:A;B;C-fd;D;E;"), transport.calls);
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
            assertEquals(List.of("fd:x", "fd:y", "fd+rest:zw", "fd+rest:q", "fd+rest:rs"), transport.calls);
            assertEquals(5, queue.addDescriptor(NativePosix.posix().dup(pipe.readEnd().fd())));
            queue.close(); // closes the unsent duplicate
        }
    }

    /** Records {@code "<n> fds:<bytes>"} per message, as a Unix socket sends them: many per message. */
    static final class ManyPerMessageTransport extends WriteOnlyTransport {
        final List<String> messages = new CopyOnWriteArrayList<>();

        ManyPerMessageTransport() {
            super("many per message");
        }

        @Override
        public void writeFramesWithDescriptors(byte[][] frames, int from, int to, int[] fds, int fdFrom, int fdTo) {
            StringBuilder text = new StringBuilder().append(fdTo - fdFrom).append(" fds:");
            for (int i = from; i < to; i++) {
                text.append(new String(frames[i], java.nio.charset.StandardCharsets.US_ASCII));
            }
            messages.add(text.toString());
        }

        @Override
        public void writeFrames(byte[][] frames, int from, int to) {
            writeFramesWithDescriptors(frames, from, to, new int[0], 0, 0);
        }

        @Override
        public int descriptorsPerMessage() {
            return 253;
        }

        @Override
        public void write(ByteBuffer[] srcs) {
            throw new AssertionError("every write goes through writeFrames or writeFramesWithDescriptors");
        }
    }

    @Test
    void pipelinedDescriptorCallsShareAMessageOfAtMostTheLimit() throws IOException {
        try (Descriptor.Pipe pipe = Descriptor.pipe()) {
            ManyPerMessageTransport transport = new ManyPerMessageTransport();
            OutboundQueue queue = new OutboundQueue(new ConnectionTransport(transport), new OutboundQueueTest.Events());
            int boxes = OutboundQueue.DESCRIPTORS_PER_WRITE + 6;
            StringBuilder first = new StringBuilder();
            StringBuilder second = new StringBuilder();
            for (int i = 0; i < boxes; i++) {
                queue.addDescriptor(NativePosix.posix().dup(pipe.readEnd().fd()));
                queue.enqueue(ascii("c" + i + ";"), false);
                (i < OutboundQueue.DESCRIPTORS_PER_WRITE ? first : second).append("c").append(i).append(';');
            }
            queue.enqueue(ascii("plain;"), false);
            queue.flush();
            assertEquals(List.of(OutboundQueue.DESCRIPTORS_PER_WRITE + " fds:" + first, "6 fds:" + second + "plain;"),
                    transport.messages);
        }
    }

    @Test
    void aBoxWithMoreDescriptorsThanTheLimitStillTakesThemAllAheadOfIt() throws IOException {
        try (Descriptor.Pipe pipe = Descriptor.pipe()) {
            ManyPerMessageTransport transport = new ManyPerMessageTransport();
            OutboundQueue queue = new OutboundQueue(new ConnectionTransport(transport), new OutboundQueueTest.Events());
            queue.addDescriptor(NativePosix.posix().dup(pipe.readEnd().fd()));
            queue.enqueue(ascii("one;"), false);
            int many = OutboundQueue.DESCRIPTORS_PER_WRITE + 1;
            for (int i = 0; i < many; i++) {
                queue.addDescriptor(NativePosix.posix().dup(pipe.readEnd().fd()));
            }
            queue.enqueue(ascii("many;"), false);
            queue.flush();
            assertEquals(List.of("1 fds:one;", many + " fds:many;"), transport.messages);
        }
    }

    @Test
    void descriptorsQueuedWithNoByteToRideOnWaitForTheNextBox() throws IOException {
        try (Descriptor.Pipe pipe = Descriptor.pipe()) {
            ManyPerMessageTransport transport = new ManyPerMessageTransport();
            OutboundQueue queue = new OutboundQueue(new ConnectionTransport(transport), new OutboundQueueTest.Events());
            queue.addDescriptor(NativePosix.posix().dup(pipe.readEnd().fd()));
            queue.enqueueBytes(new byte[0], false); // holds no byte, like a marker
            queue.flush();
            assertEquals(List.of(), transport.messages);
            queue.enqueue(ascii("next;"), false);
            queue.flush();
            assertEquals(List.of("1 fds:next;"), transport.messages);
        }
    }
}
