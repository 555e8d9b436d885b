package io.ampjava.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ampjava.testing.Await;
import io.ampjava.transport.unix.UnixTransport;
import io.ampjava.types.Descriptor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code writeFramesWithDescriptors} over a real socket pair: the descriptors of several boxes
 * arrive in order with the first read of their bytes, in one message up to the kernel's
 * {@code SCM_MAX_FD} and in several beyond it, and frames too short to carry them are refused
 * before anything is sent.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class UnixManyDescriptorsTest {
    private static final int SCM_MAX_FD = 253;

    @Test
    void threeBoxesAndTheirFiveDescriptorsArriveInOneRead() throws Exception {
        UnixTransport[] pair = UnixTransport.pair();
        try (UnixTransport from = pair[0]; UnixTransport to = pair[1]; Descriptor.Pipe a = Descriptor.pipe();
                Descriptor.Pipe b = Descriptor.pipe()) {
            byte[][] frames = {ascii("first;"), ascii("second;"), ascii("third;")};
            int[] fds = {-1, a.writeEnd().fd(), b.writeEnd().fd(), a.writeEnd().fd(), b.writeEnd().fd(), a.writeEnd().fd(), -1};
            assertEquals(SCM_MAX_FD, from.descriptorsPerMessage());
            from.writeFramesWithDescriptors(frames, 0, 3, fds, 1, 6);
            List<Integer> received = new ArrayList<>();
            ByteBuffer dst = ByteBuffer.allocate(1000);
            assertEquals(19, to.read(dst, received::add), "one read brings every byte");
            assertEquals("first;second;third;", new String(dst.array(), 0, 19, StandardCharsets.US_ASCII));
            assertEquals(5, received.size(), "and every descriptor");
            writeIntoEach(received);
            a.writeEnd().close();
            b.writeEnd().close();
            assertArrayEquals(new byte[] {0, 2, 4}, a.readEnd().readAll(), "descriptors 0, 2 and 4 are pipe a's, in order");
            assertArrayEquals(new byte[] {1, 3}, b.readEnd().readAll());
        }
    }

    @Test
    void moreDescriptorsThanOneMessageCarriesTakeAByteEachBeforeTheLastMessage() throws Exception {
        UnixTransport[] pair = UnixTransport.pair();
        int count = SCM_MAX_FD + 7;
        try (UnixTransport from = pair[0]; UnixTransport to = pair[1]; Descriptor.Pipe a = Descriptor.pipe();
                Descriptor.Pipe b = Descriptor.pipe()) {
            int[] fds = new int[count];
            for (int i = 0; i < count; i++) {
                fds[i] = (i % 2 == 0 ? a : b).writeEnd().fd();
            }
            byte[] box = ascii("a box that names every one of them;");
            CompletableFuture<List<Integer>> reading = CompletableFuture.supplyAsync(() -> {
                List<Integer> received = new ArrayList<>();
                ByteBuffer dst = ByteBuffer.allocate(1000);
                try {
                    while (dst.position() < box.length) {
                        to.read(dst, received::add);
                    }
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
                assertArrayEquals(box, java.util.Arrays.copyOf(dst.array(), dst.position()));
                return received;
            });
            from.writeFramesWithDescriptors(new byte[][] {box}, 0, 1, fds, 0, count);
            List<Integer> received = Await.result(reading);
            assertEquals(count, received.size());
            writeIntoEach(received);
            a.writeEnd().close();
            b.writeEnd().close();
            ByteArrayOutputStream evens = new ByteArrayOutputStream();
            ByteArrayOutputStream odds = new ByteArrayOutputStream();
            for (int i = 0; i < count; i++) {
                (i % 2 == 0 ? evens : odds).write(i);
            }
            assertArrayEquals(evens.toByteArray(), a.readEnd().readAll());
            assertArrayEquals(odds.toByteArray(), b.readEnd().readAll());
        }
    }

    @Test
    void framesTooShortForTheirMessagesAreRefusedAndNothingIsSent() throws Exception {
        UnixTransport[] pair = UnixTransport.pair();
        try (UnixTransport from = pair[0]; UnixTransport to = pair[1]; Descriptor.Pipe a = Descriptor.pipe()) {
            int[] fds = new int[SCM_MAX_FD + 1];
            java.util.Arrays.fill(fds, a.writeEnd().fd());
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> from.writeFramesWithDescriptors(new byte[][] {ascii("x")}, 0, 1, fds, 0, fds.length));
            assertEquals("254 descriptors need 2 bytes to ride on; the frames hold 1", refused.getMessage());
            from.writeFrames(new byte[][] {ascii("after")}, 0, 1);
            List<Integer> received = new ArrayList<>();
            ByteBuffer dst = ByteBuffer.allocate(100);
            assertEquals(5, to.read(dst, received::add));
            assertEquals(List.of(), received, "no descriptor went");
        }
    }

    /** Writes byte i into the i-th descriptor, and closes it. */
    private static void writeIntoEach(List<Integer> fds) throws IOException {
        for (int i = 0; i < fds.size(); i++) {
            try (Descriptor received = Descriptor.adopt(fds.get(i))) {
                received.write(new byte[] {(byte) i});
            }
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
