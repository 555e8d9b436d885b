package io.ampjava.dispatch;

import static io.ampjava.wire.TestBoxes.box;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.dispatch.TestCommands.Operands;
import io.ampjava.dispatch.TestCommands.Total;
import io.ampjava.testing.Await;
import io.ampjava.testing.DescriptorSnapshot;
import io.ampjava.transport.InMemoryTransport;
import io.ampjava.types.Descriptor;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxDecoder;
import io.ampjava.wire.BoxEncoder;
import io.ampjava.wire.ProtocolException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a peer cannot make the receiving side do: read a box past its byte or key limit, leave more
 * descriptors waiting than allowed, or make it take requests without end while their answers
 * cannot be written or are still being worked on.
 */
@Timeout(30)
class ReadLimitsTest {
    private AmpConnection connection;
    private RawPeer peer;
    private ExecutorService executor;

    private void open(ResponderLocator locator, ConnectionOptions options) {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        connection = AmpConnection.open(pair.left(), locator, options);
        peer = new RawPeer(pair.right());
    }

    @AfterEach
    void close() {
        if (connection != null) {
            connection.close();
        }
        if (peer != null) {
            peer.close();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Test
    void aBoxPastTheByteLimitClosesTheConnectionBeforeItsValueArrives() throws Exception {
        open(TestCommands.calculator(), ConnectionOptions.builder().maxBoxBytes(1000).build());
        peer.send(box("_command", "Sum", "_ask", "1", "a", "1", "b", "2"));
        assertEquals("3", peer.nextBox().getString("total"), "a small box is served");
        // Key "k", then a value announced as 2000 bytes, of which none is sent.
        peer.sendBytes(new byte[] {0, 1, 'k', 0x07, (byte) 0xd0});
        Await.result(connection.closeFuture());
        assertInstanceOf(ProtocolException.class, connection.closeCause());
        assertTrue(connection.closeCause().getMessage().contains("more than 1000 bytes"));
        peer.expectClosedWithoutMore();
    }

    @Test
    void aBoxPastTheKeyLimitClosesTheConnection() throws Exception {
        open(TestCommands.calculator(), ConnectionOptions.builder().maxKeysPerBox(4).build());
        peer.send(box("_command", "Sum", "_ask", "1", "a", "1", "b", "2"));
        assertEquals("3", peer.nextBox().getString("total"));
        peer.send(box("_command", "Sum", "_ask", "2", "a", "1", "b", "2", "c", "3"));
        Await.result(connection.closeFuture());
        assertInstanceOf(ProtocolException.class, connection.closeCause());
        peer.expectClosedWithoutMore();
    }

    @Test
    void moreUnclaimedDescriptorsThanTheLimitCloseTheConnectionAndAreClosed() throws Exception {
        open(TestCommands.calculator(), ConnectionOptions.builder().maxPendingDescriptors(3).build());
        try (Descriptor devNull = Descriptor.openForReading(java.nio.file.Path.of("/dev/null"))) {
            DescriptorSnapshot before = DescriptorSnapshot.take();
            // Three descriptors ride a request that names none: they wait, and that is allowed.
            sendRidingDescriptors(box("_command", "Sum", "_ask", "1", "a", "1", "b", "2"), devNull, 3);
            assertEquals("3", peer.nextBox().getString("total"));
            assertTrue(connection.isOpen());
            try {
                sendRidingDescriptors(box("_command", "Sum", "_ask", "2", "a", "1", "b", "2"), devNull, 1);
            } catch (IOException closed) {
                // The fourth descriptor closed the connection before the rest of the box went out.
            }
            Await.result(connection.closeFuture());
            before.assertNoNewDescriptors(); // every received descriptor was closed with the connection
        }
        assertInstanceOf(ProtocolException.class, connection.closeCause());
        assertTrue(connection.closeCause().getMessage().contains("4 received descriptors wait unclaimed (limit 3)"),
                connection.closeCause().getMessage());
    }

    @Test
    void theReaderStopsAtTheRequestsInProgressLimit() throws Exception {
        List<CompletableFuture<Total>> working = new CopyOnWriteArrayList<>();
        ResponderLocator slow = new TestCommands.MapLocator().withAsync(TestCommands.SUM, (operands, connection) -> {
            CompletableFuture<Total> answer = new CompletableFuture<>();
            working.add(answer);
            return answer;
        });
        open(slow, ConnectionOptions.builder().maxRequestsInProgress(3).build());
        for (int i = 1; i <= 6; i++) {
            peer.send(box("_command", "Sum", "_ask", Integer.toHexString(i), "a", "1", "b", "2"));
        }
        awaitSize(working, 3);
        Thread.sleep(200);
        assertEquals(3, working.size(), "no fourth request is read while three are in progress");
        working.get(0).complete(new Total(3));
        assertEquals("1", peer.nextBox().getString("_answer"));
        awaitSize(working, 4);
        for (int i = 1; i < 4; i++) {
            working.get(i).complete(new Total(3));
        }
        awaitSize(working, 6);
        working.get(4).complete(new Total(3));
        working.get(5).complete(new Total(3));
        for (int i = 2; i <= 6; i++) {
            peer.nextBox();
        }
        assertTrue(connection.isOpen());
    }

    @Test
    void respondersWaitingForCallsBackDoNotStopTheReader() throws Exception {
        // Each request calls Sum back on the peer before answering: at the limit the reader must go
        // on reading, or the answers to those calls would never be read.
        ResponderLocator callingBack = new TestCommands.MapLocator().withAsync(TestCommands.SUM,
                (operands, connection) -> connection.callRemote(TestCommands.SUM, operands));
        open(callingBack, ConnectionOptions.builder().maxRequestsInProgress(2).build());
        for (int i = 1; i <= 5; i++) {
            peer.send(box("_command", "Sum", "_ask", "r" + i, "a", Integer.toString(i), "b", "0"));
        }
        int answered = 0;
        while (answered < 5) {
            Box box = peer.nextBox();
            if (box.containsKey("_command")) {
                peer.send(box("_answer", box.getString("_ask"), "total", box.getString("a")));
            } else {
                assertTrue(box.getString("_answer").startsWith("r"));
                answered++;
            }
        }
        assertTrue(connection.isOpen());
    }

    @Test
    void aClientThatFloodsRequestsAndNeverReadsAnswersCannotGrowTheQueuePastItsLimit() throws Exception {
        // Answers are written from executor threads, so the reader is never the one blocked in a write.
        executor = Executors.newFixedThreadPool(2);
        AtomicLong started = new AtomicLong();
        byte[] payload = new byte[4000];
        ResponderLocator big = name -> (request, connection) -> {
            started.incrementAndGet();
            return CompletableFuture.supplyAsync(() -> new Box().put("data", payload), executor);
        };
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        // Answers still being computed are not in the queue yet: the requests in progress bound those.
        connection = AmpConnection.open(pair.left(), big,
                ConnectionOptions.builder().maxQueuedBytes(256 * 1024).maxRequestsInProgress(16).build());
        InMemoryTransport client = pair.right();
        AtomicLong written = new AtomicLong();
        int total = 5_000;
        Thread flood = new Thread(() -> {
            try {
                for (long i = 1; i <= total; i++) {
                    client.write(new ByteBuffer[] {ByteBuffer.wrap(BoxEncoder.encode(
                            box("_command", "Big", "_ask", Long.toHexString(i))))});
                    written.incrementAndGet();
                }
            } catch (IOException closed) {
                // the test failed and closed the connection
            }
        }, "flood");
        flood.setDaemon(true);
        flood.start();

        long settled = awaitSteady(started);
        // 256 KiB of queue and 64 KiB in the pipe, in answers of 4 KB: about 80 requests, and at
        // most 16 whose answers are still being computed.
        assertTrue(settled < 120, settled + " requests taken in while the client reads no answer");
        // Requests of about 28 bytes wait in the pipe (64 KiB) and in the reader's buffer (64 KiB).
        assertTrue(written.get() < settled + 2 * 64 * 1024 / 20, "the client's writes are held back too: " + written.get());
        assertTrue(written.get() < total, "the client is blocked");

        // Now the client reads: the flood goes on to the end, and every request is answered.
        BoxDecoder decoder = new BoxDecoder();
        long[] answers = new long[1];
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        while (answers[0] < total) {
            buffer.clear();
            assertTrue(client.read(buffer, fd -> {}) > 0, "the connection closed");
            buffer.flip();
            decoder.feed(buffer, box -> answers[0]++);
        }
        assertEquals(total, written.get());
        assertTrue(connection.isOpen());
    }

    /** Waits until {@code counter} stops moving for half a second; returns its value. */
    private static long awaitSteady(AtomicLong counter) throws InterruptedException {
        long last = -1;
        while (counter.get() != last) {
            last = counter.get();
            Thread.sleep(500);
        }
        return last;
    }

    /** Sends {@code box} with {@code count} copies of {@code fd}, each riding one of its first bytes. */
    private void sendRidingDescriptors(Box box, Descriptor fd, int count) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(BoxEncoder.encode(box));
        for (int i = 0; i < count; i++) {
            peer.transport.writeWithDescriptor(bytes, fd.fd());
        }
        peer.transport.write(new ByteBuffer[] {bytes});
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (list.size() < size) {
            assertTrue(System.nanoTime() < deadline, "only " + list.size() + " of " + size);
            Thread.sleep(5);
        }
    }
}
