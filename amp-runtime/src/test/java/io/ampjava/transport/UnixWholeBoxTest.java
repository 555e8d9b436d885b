package io.ampjava.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ampjava.testing.Await;
import io.ampjava.transport.unix.UnixTransport;
import io.ampjava.types.Descriptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code writeWithDescriptorAndRest} over a real socket pair: the descriptor and the whole box reach
 * the reader in one read (what saves the receiver a second wake-up per descriptor call), and a box
 * larger than the staging buffer or the socket buffer still arrives whole, the descriptor first.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class UnixWholeBoxTest {
    @Test
    void theDescriptorAndTheWholeBoxArriveInOneRead() throws Exception {
        UnixTransport[] pair = UnixTransport.pair();
        try (UnixTransport from = pair[0]; UnixTransport to = pair[1]; Descriptor.Pipe pipe = Descriptor.pipe()) {
            byte[] box = "a box of forty bytes, more or less.....".getBytes(StandardCharsets.US_ASCII);
            ByteBuffer src = ByteBuffer.wrap(box);
            from.writeWithDescriptorAndRest(src, pipe.writeEnd().fd());
            assertEquals(0, src.remaining());
            List<Integer> fds = new ArrayList<>();
            ByteBuffer dst = ByteBuffer.allocate(1000);
            assertEquals(box.length, to.read(dst, fds::add), "one read returns the whole box");
            assertEquals(1, fds.size());
            try (Descriptor received = Descriptor.adopt(fds.get(0))) {
                received.write("through".getBytes(StandardCharsets.US_ASCII));
            }
            pipe.writeEnd().close();
            assertEquals("through", new String(pipe.readEnd().readAll(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aBoxLongerThanTheBuffersArrivesWholeWithItsDescriptorFirst() throws Exception {
        UnixTransport[] pair = UnixTransport.pair();
        try (UnixTransport from = pair[0]; UnixTransport to = pair[1]; Descriptor.Pipe pipe = Descriptor.pipe()) {
            byte[] big = new byte[300_000];
            new Random(11).nextBytes(big);
            CompletableFuture<List<Object>> reading = CompletableFuture.supplyAsync(() -> {
                List<Object> events = new ArrayList<>(); // fds as Integer, then byte counts as Long
                ByteBuffer dst = ByteBuffer.allocateDirect(50_000);
                byte[] all = new byte[big.length];
                int total = 0;
                try {
                    while (total < big.length) {
                        dst.clear();
                        int n = to.read(dst, fd -> events.add(fd));
                        dst.flip().get(all, total, n);
                        total += n;
                        events.add((long) n);
                    }
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
                events.add(all);
                return events;
            });
            from.writeWithDescriptorAndRest(ByteBuffer.wrap(big), pipe.writeEnd().fd());
            List<Object> events = Await.result(reading);
            assertEquals(Integer.class, events.get(0).getClass(), "the descriptor comes before any byte");
            assertArrayEquals(big, (byte[]) events.get(events.size() - 1));
            Descriptor.adopt((Integer) events.get(0)).close();
        }
    }
}
