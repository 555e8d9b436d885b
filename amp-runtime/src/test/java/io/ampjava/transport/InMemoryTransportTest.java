package io.ampjava.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.testing.Await;
import io.ampjava.testing.DescriptorSnapshot;
import io.ampjava.testing.OpenDescriptor;
import io.ampjava.internal.posix.NativePosix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jnr.posix.POSIX;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class InMemoryTransportTest {
    private static final POSIX POSIX = NativePosix.posix();
    private static final java.util.function.IntConsumer NO_FDS = fd -> {
        throw new AssertionError("unexpected fd " + fd);
    };

    private static ByteBuffer[] text(String text) {
        return new ByteBuffer[] {ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII))};
    }

    private static String read(InMemoryTransport transport, int max) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(max);
        int n = transport.read(buffer, NO_FDS);
        return n < 0 ? null : new String(buffer.array(), 0, n, StandardCharsets.US_ASCII);
    }

    private static int[] pipe() {
        int[] fds = new int[2];
        assertEquals(0, POSIX.pipe(fds));
        return fds;
    }

    @Test
    void bytesArriveInOrderWhateverTheChunking() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        InMemoryTransport.Pair pair = InMemoryTransport.pair(97, false);
        byte[] sent = new byte[20_000];
        random.nextBytes(sent);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                int position = 0;
                while (position < sent.length) {
                    int n = Math.min(sent.length - position, 1 + random.nextInt(300));
                    pair.left().write(new ByteBuffer[] {ByteBuffer.wrap(sent, position, n)});
                    position += n;
                }
                pair.left().shutdownOutput();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(64);
        int n;
        while ((n = pair.right().read(buffer.clear(), NO_FDS)) >= 0) {
            received.write(buffer.array(), 0, n);
        }
        Await.result(writer);
        assertArrayEquals(sent, received.toByteArray(), "seed " + seed);
    }

    @Test
    void aWriterBlockedOnAFullBufferCanBeSeenAndTheReaderIsKnown() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair(4, false);
        assertEquals(Optional.empty(), pair.right().lastReader());
        Thread writer = new Thread(() -> {
            try {
                pair.left().write(text("abcdef"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "blocked-writer");
        writer.start();
        Await.condition("the writer blocked on the full buffer",
                () -> pair.left().blockedWriters().contains(writer) && pair.left().unreadOutbound() == 4);
        assertEquals("abcd", read(pair.right(), 4));
        writer.join(Await.TIMEOUT.toMillis());
        assertFalse(writer.isAlive(), "the writer went on once the peer read");
        assertEquals(Set.of(), pair.left().blockedWriters());
        assertEquals(2, pair.left().unreadOutbound());
        assertEquals(Optional.of(Thread.currentThread()), pair.right().lastReader());
        assertEquals(0, pair.right().unreadOutbound(), "the other direction is untouched");
    }

    @Test
    void aDescriptorIsHandedOverBeforeTheByteItRodeWith() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        int[] fds = pipe();
        try {
            pair.left().write(text("a"));
            ByteBuffer b = ByteBuffer.wrap("bc".getBytes(StandardCharsets.US_ASCII));
            pair.left().writeWithDescriptor(b, fds[0]);
            assertEquals(1, b.position(), "one byte of the buffer went with the fd");
            pair.left().write(new ByteBuffer[] {b});
            assertEquals("a", read(pair.right(), 1), "the byte before carries nothing");
            List<Integer> received = new ArrayList<>();
            ByteBuffer one = ByteBuffer.allocate(1);
            assertEquals(1, pair.right().read(one, received::add));
            assertEquals('b', one.get(0));
            assertEquals(1, received.size());
            int copy = received.get(0);
            assertNotEquals(fds[0], copy, "the receiver gets its own fd");
            assertEquals(POSIX.fstat(fds[0]).ino(), POSIX.fstat(copy).ino());
            POSIX.close(copy);
            assertEquals("c", read(pair.right(), 10));
        } finally {
            POSIX.close(fds[0]);
            POSIX.close(fds[1]);
        }
    }

    @Test
    void fdsNobodyReadIsClosedWithTheReadingEnd() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        int[] fds = pipe();
        String pipe = OpenDescriptor.open(fds[0]).target();
        DescriptorSnapshot before = DescriptorSnapshot.take();
        for (int i = 0; i < 5; i++) {
            pair.left().writeWithDescriptor(ByteBuffer.wrap(new byte[] {1}), fds[i % 2]);
        }
        POSIX.close(fds[0]);
        POSIX.close(fds[1]);
        Set<OpenDescriptor> inFlight = before.awaitOpenedSince(5, copy -> copy.target().equals(pipe), Duration.ZERO);
        assertEquals(5, inFlight.size(), () -> "the five copies in flight, not " + DescriptorSnapshot.describe(inFlight));
        pair.right().close();
        DescriptorSnapshot.assertClosed(inFlight, Duration.ZERO);
    }

    @Test
    void shutdownOutputGivesEndOfStreamAfterTheBufferedBytes() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        pair.left().write(text("last words"));
        pair.left().shutdownOutput();
        assertEquals("last words", read(pair.right(), 100));
        assertEquals(null, read(pair.right(), 100));
        assertThrows(IOException.class, () -> pair.left().write(text("more")));
        pair.right().write(text("the other way still works"));
        assertEquals("the other way still works", read(pair.left(), 100));
    }

    @Test
    void closeWakesABlockedReaderAndBreaksThePeersWrites() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        CompletableFuture<String> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                return read(pair.left(), 10);
            } catch (IOException e) {
                return "IOException";
            }
        });
        Thread.sleep(50);
        assertFalse(blocked.isDone());
        pair.left().close();
        pair.left().close();
        assertEquals("IOException", Await.result(blocked, Duration.ofSeconds(1)));
        assertThrows(IOException.class, () -> pair.right().write(text("anyone?")));
        assertEquals(null, read(pair.right(), 10), "the peer reads end of stream");
    }

    @Test
    void aFullBufferBlocksTheWriterUntilThePeerReads() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair(8, false);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                pair.left().write(text("0123456789abcdef"));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        Thread.sleep(50);
        assertFalse(writer.isDone(), "16 bytes do not fit in 8");
        assertEquals("01234567", read(pair.right(), 100));
        Await.result(writer, Duration.ofSeconds(1));
        assertEquals("89abcdef", read(pair.right(), 100));
        assertTrue(pair.left().awaitDrained(1, TimeUnit.SECONDS));
        assertEquals(1, pair.left().writeCalls());
    }

    @Test
    void aPairWithoutDescriptorsRefusesThem() {
        InMemoryTransport.Pair pair = InMemoryTransport.pair(16, false);
        assertFalse(pair.left().canPassDescriptors());
        assertThrows(UnsupportedOperationException.class,
                () -> pair.left().writeWithDescriptor(ByteBuffer.wrap(new byte[] {1}), 0));
        assertTrue(InMemoryTransport.pair().left().canPassDescriptors());
    }
}
