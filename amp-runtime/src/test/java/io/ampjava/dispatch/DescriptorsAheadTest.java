package io.ampjava.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.testing.Await;
import io.ampjava.testing.DescriptorSnapshot;
import io.ampjava.transport.unix.UnixTransport;
import io.ampjava.types.Descriptor;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxDecoder;
import io.ampjava.wire.BoxEncoder;
import io.ampjava.wire.ProtocolException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Descriptors that arrive ahead of the boxes naming them, as pipelined calls of an amp-java peer
 * send them (all of a write's descriptors on its first byte), against a small
 * {@code maxPendingDescriptors}: while part of a box is held, up to
 * {@link OutboundQueue#DESCRIPTORS_PER_WRITE} more may wait, and no more than that.
 */
@Timeout(20)
class DescriptorsAheadTest {
    private static final int LIMIT = 3;

    @Test
    void fortyDescriptorsAheadOfTheirBoxesAcrossSmallReadsAreNotAViolation() throws Exception {
        AtomicInteger claimed = new AtomicInteger();
        TestCommands.MapLocator locator = new TestCommands.MapLocator().with(TestCommands.SEND_FDS, (fds, connection) -> {
            for (Descriptor fd : fds) {
                fd.close();
                claimed.incrementAndGet();
            }
            return null;
        });
        UnixTransport[] pair = UnixTransport.pair();
        // Reads of 64 bytes: the descriptors come with the first read, their boxes over many more.
        AmpConnection connection = AmpConnection.open(pair[0], locator,
                ConnectionOptions.builder().maxPendingDescriptors(LIMIT).readBufferSize(64).build());
        try (UnixTransport peer = pair[1]; Descriptor devNull = Descriptor.openForReading(Path.of("/dev/null"))) {
            int calls = 40;
            byte[][] frames = new byte[calls][];
            int[] fds = new int[calls];
            for (int i = 0; i < calls; i++) {
                frames[i] = BoxEncoder.encode(new Box().put("_command", "SendFds").put("_ask", String.valueOf(i + 1))
                        .put("fds", String.valueOf(i)));
                fds[i] = devNull.fd();
            }
            peer.writeFramesWithDescriptors(frames, 0, calls, fds, 0, calls);
            List<Box> answers = readBoxes(peer, calls);
            for (Box answer : answers) {
                assertTrue(answer.getString("_answer") != null, () -> "not an answer: " + answer);
            }
            assertEquals(calls, claimed.get());
            assertTrue(connection.isOpen(), () -> "closed: " + connection.closeCause());
        } finally {
            connection.close();
        }
    }

    @Test
    void moreThanTheAllowanceAheadOfAPartialBoxClosesTheConnectionAndClosesThem() throws Exception {
        UnixTransport[] pair = UnixTransport.pair();
        DescriptorSnapshot before = DescriptorSnapshot.take();
        AmpConnection connection = AmpConnection.open(pair[0], TestCommands.calculator(),
                ConnectionOptions.builder().maxPendingDescriptors(LIMIT).build());
        try (UnixTransport peer = pair[1]; Descriptor devNull = Descriptor.openForReading(Path.of("/dev/null"))) {
            int[] fds = new int[LIMIT + OutboundQueue.DESCRIPTORS_PER_WRITE + 1];
            java.util.Arrays.fill(fds, devNull.fd());
            byte[] box = BoxEncoder.encode(new Box().put("_command", "Sum").put("_ask", "1").put("a", "1").put("b", "2"));
            // The descriptors and the first half of a box; the rest never comes.
            peer.writeFramesWithDescriptors(new byte[][] {java.util.Arrays.copyOf(box, box.length / 2)}, 0, 1, fds, 0, fds.length);
            Await.result(connection.closeFuture());
            assertInstanceOf(ProtocolException.class, connection.closeCause());
            assertEquals(fds.length + " received descriptors wait unclaimed (limit " + LIMIT + ", and "
                    + OutboundQueue.DESCRIPTORS_PER_WRITE + " more while a box is partly read) and no request is left to claim them",
                    connection.closeCause().getMessage());
        } finally {
            connection.close();
        }
        before.assertNoNewDescriptors();
    }

    private static List<Box> readBoxes(UnixTransport from, int count) throws IOException {
        List<Box> boxes = new ArrayList<>();
        BoxDecoder decoder = new BoxDecoder();
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        while (boxes.size() < count) {
            buffer.clear();
            assertTrue(from.read(buffer, fd -> {}) > 0, "the connection closed");
            buffer.flip();
            decoder.feed(buffer, boxes::add);
        }
        return boxes;
    }
}
