package io.ampjava.dispatch;

import static io.ampjava.dispatch.TestCommands.GOODBYE;
import static io.ampjava.dispatch.TestCommands.NO_ANSWER;
import static io.ampjava.dispatch.TestCommands.SUM;
import static io.ampjava.wire.TestBoxes.box;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.dispatch.TestCommands.FatalException;
import io.ampjava.dispatch.TestCommands.MapLocator;
import io.ampjava.dispatch.TestCommands.OopsException;
import io.ampjava.dispatch.TestCommands.Operands;
import io.ampjava.dispatch.TestCommands.Total;
import io.ampjava.testing.Await;
import io.ampjava.transport.InMemoryTransport;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxEncoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two real connections talking to each other over an in-memory pair, and a few raw-peer stress cases. */
@SuppressWarnings("try") // resources kept open for the test's duration
@Timeout(30)
class ConnectionPairTest {
    @Test
    void bothSidesCallEachOtherOnOneConnectionAndErrorsMapBack() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        try (AmpConnection left = AmpConnection.open(pair.left(), TestCommands.calculator());
                AmpConnection right = AmpConnection.open(pair.right(), TestCommands.calculator())) {
            CompletableFuture<Total> fromLeft = left.callRemote(SUM, new Operands(13, 81));
            CompletableFuture<Total> fromRight = right.callRemote(SUM, new Operands(1, 2));
            assertEquals(new Total(94), Await.result(fromLeft));
            assertEquals(new Total(3), Await.result(fromRight));

            Throwable oops = Await.failure(left.callRemote(SUM, new Operands(666, 0)));
            assertEquals("bad number 666", assertInstanceOf(OopsException.class, oops).getMessage());
            Throwable unhandled = Await.failure(left.callRemote(GOODBYE, null));
            assertEquals("Unhandled Command: b'Goodbye'",
                    assertInstanceOf(UnhandledCommandException.class, unhandled).description());
            assertTrue(left.isOpen() && right.isOpen());
        }
    }

    @Test
    void aFatalErrorMapsToItsExceptionAndThenTheNextCallFailsWithConnectionLost() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        try (AmpConnection caller = AmpConnection.open(pair.left(), ResponderLocator.NONE);
                AmpConnection server = AmpConnection.open(pair.right(), TestCommands.calculator())) {
            assertInstanceOf(FatalException.class, Await.failure(caller.callRemote(SUM, new Operands(13, 13))));
            Await.result(caller.closeFuture());
            assertInstanceOf(ConnectionLostException.class, Await.failure(caller.callRemote(SUM, new Operands(1, 1))));
            Await.result(server.closeFuture());
        }
    }

    @Test
    void anUndeclaredFailureIsUnknownForTheCallerAndClosesTheConnection() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        try (AmpConnection caller = AmpConnection.open(pair.left(), ResponderLocator.NONE);
                AmpConnection server = AmpConnection.open(pair.right(), TestCommands.calculator())) {
            Throwable unknown = Await.failure(caller.callRemote(SUM, new Operands(999, 0)));
            UnknownRemoteErrorException error = assertInstanceOf(UnknownRemoteErrorException.class, unknown);
            assertEquals("Code<UNKNOWN>: Unknown Error", error.getMessage());
            Await.result(caller.closeFuture());
        }
    }

    @Test
    void aQuitBoxAnswerArrivesAndThenBothEndsClose() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        MapLocator locator = new MapLocator().with(GOODBYE, (nothing, connection) -> null);
        try (AmpConnection caller = AmpConnection.open(pair.left(), ResponderLocator.NONE);
                AmpConnection server = AmpConnection.open(pair.right(), locator)) {
            CompletableFuture<Void> goodbye = caller.callRemote(GOODBYE, null);
            Await.result(goodbye);
            Await.result(server.closeFuture());
            Await.result(caller.closeFuture());
        }
    }

    @Test
    void aNoAnswerCallFailingOnThePeerDropsTheConnection() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        MapLocator locator = new MapLocator().with(NO_ANSWER, (operands, connection) -> {
            throw new IllegalStateException("no answer, yet it failed");
        });
        try (AmpConnection caller = AmpConnection.open(pair.left(), ResponderLocator.NONE);
                AmpConnection server = AmpConnection.open(pair.right(), locator)) {
            assertTrue(caller.callRemote(NO_ANSWER, new Operands(1, 2)).isDone());
            Await.result(caller.closeFuture());
            assertTrue(caller.callRemote(SUM, new Operands(1, 1)).isCompletedExceptionally());
        }
    }

    @Test
    void manyThreadsCallingBothWaysGetTheirOwnAnswers() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        InMemoryTransport.Pair pair = InMemoryTransport.pair(4096, true);
        // Half the answers are delayed on another thread, so they leave out of order.
        MapLocator locator = new MapLocator().withAsync(SUM, (operands, connection) -> {
            if ((operands.a() & 1) == 0) {
                return CompletableFuture.completedFuture(TestCommands.sum(operands));
            }
            return CompletableFuture.supplyAsync(() -> TestCommands.sum(operands),
                    CompletableFuture.delayedExecutor(random.nextInt(3), TimeUnit.MILLISECONDS));
        });
        try (AmpConnection left = AmpConnection.open(pair.left(), locator);
                AmpConnection right = AmpConnection.open(pair.right(), locator)) {
            ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                AmpConnection side = t % 2 == 0 ? left : right;
                long base = 1_000 + t * 1_000_000L; // clear of the operands that make Sum fail
                threads.add(new Thread(() -> {
                    List<CompletableFuture<Total>> calls = new ArrayList<>();
                    for (int i = 0; i < 300; i++) {
                        calls.add(side.callRemote(SUM, new Operands(base + i, i)));
                    }
                    for (int i = 0; i < calls.size(); i++) {
                        try {
                            long total = Await.result(calls.get(i)).total();
                            if (total != base + 2L * i) {
                                problems.add("call " + base + "+" + i + " got " + total);
                            }
                        } catch (Exception | AssertionError e) { // Await fails with an AssertionError
                            problems.add("call " + base + "+" + i + " failed: " + e);
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join(20_000);
            }
            assertTrue(problems.isEmpty(),
                    () -> "seed " + seed + ", " + problems.size() + " problems, first: " + problems.peek());
            long boxes = 6 * 300 * 2; // requests and answers, both directions together
            long writes = pair.left().writeCalls() + pair.right().writeCalls();
            assertTrue(writes <= boxes, "writes " + writes + " for " + boxes + " boxes");
        }
    }

    @Test
    void aLoneCallIsExactlyOneWrite() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        try (AmpConnection caller = AmpConnection.open(pair.left(), ResponderLocator.NONE);
                AmpConnection server = AmpConnection.open(pair.right(), TestCommands.calculator())) {
            Await.result(caller.callRemote(SUM, new Operands(1, 2)));
            assertEquals(1, pair.left().writeCalls(), "the request");
            assertEquals(1, pair.right().writeCalls(), "the answer");
        }
    }

    @Test
    void whenThePeerStopsReadingTheReaderStopsReadingToo() throws Exception {
        // Backpressure: 256-byte buffers. The raw peer writes requests but reads no answers; the
        // connection's reader blocks writing answers, stops reading, and the peer's writes block in turn.
        int capacity = 256;
        int requests = 200;
        InMemoryTransport.Pair pair = InMemoryTransport.pair(capacity, true);
        try (AmpConnection server = AmpConnection.open(pair.left(), TestCommands.calculator());
                RawPeer peer = new RawPeer(pair.right(), false)) {
            byte[] request = BoxEncoder.encode(box("_command", "Sum", "_ask", "1", "a", "1", "b", "1"));
            AtomicInteger sent = new AtomicInteger();
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; i < requests; i++) {
                        peer.sendBytes(request);
                        sent.incrementAndGet();
                    }
                } catch (Exception ignored) {
                    // the test fails on the count
                }
            }, "peer-writer");
            writer.setDaemon(true);
            writer.start();

            Await.condition("both directions full, the peer blocked writing requests and the connection's reader"
                    + " blocked writing answers", () -> {
                        Optional<Thread> reader = pair.left().lastReader();
                        return pair.right().unreadOutbound() == capacity && pair.right().blockedWriters().contains(writer)
                                && pair.left().unreadOutbound() == capacity
                                && reader.isPresent() && pair.left().blockedWriters().contains(reader.get());
                    });
            assertTrue(sent.get() < requests, "the peer wrote all " + requests + " requests without a reader");

            peer.resume();
            writer.join(Await.TIMEOUT.toMillis());
            assertEquals(requests, sent.get(), "once the peer reads, every request goes out");
            for (int i = 0; i < requests; i++) {
                assertEquals(box("_answer", "1", "total", "2"), peer.nextBox());
            }
            assertTrue(server.isOpen());
        }
    }

    @Test
    void killingThePeerMidBoxFailsEveryOutstandingCallWithinASecond() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        try (AmpConnection caller = AmpConnection.open(pair.left(), ResponderLocator.NONE);
                RawPeer peer = new RawPeer(pair.right())) {
            List<CompletableFuture<Box>> calls = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                calls.add(caller.callRemoteString("Wait", new Box()));
                peer.nextBox();
            }
            byte[] answer = BoxEncoder.encode(box("_answer", "1", "v", "a partial answer"));
            peer.sendBytes(java.util.Arrays.copyOf(answer, answer.length / 2));
            long start = System.nanoTime();
            peer.close();
            for (CompletableFuture<Box> call : calls) {
                assertInstanceOf(ConnectionLostException.class, Await.failure(call, Duration.ofSeconds(1)));
            }
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1));
        }
    }

    @Test
    void closingOneSideFailsTheOtherSidesCallsAndEndsBothReaders() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        CompletableFuture<Box> never = new CompletableFuture<>();
        MapLocator locator = new MapLocator().with("Never", (request, connection) -> never);
        AmpConnection caller = AmpConnection.open(pair.left(), ResponderLocator.NONE);
        AmpConnection server = AmpConnection.open(pair.right(), locator);
        List<CompletableFuture<Box>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(caller.callRemoteString("Never", new Box()));
        }
        Thread.sleep(50);
        server.close();
        for (CompletableFuture<Box> call : calls) {
            assertInstanceOf(ConnectionLostException.class, Await.failure(call, Duration.ofSeconds(1)));
        }
        Await.result(caller.closeFuture(), Duration.ofSeconds(1));
        never.complete(new Box()); // late: dropped
        assertFalse(server.isOpen());
        assertEquals(0, threadsNamed("amp-reader " + pair.left().describe())
                + threadsNamed("amp-reader " + pair.right().describe()), "reader threads still running");
    }

    @Test
    void closeDoesNotWaitForAFlushBlockedOnAPeerThatDoesNotRead() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair(64, true);
        try (RawPeer peer = new RawPeer(pair.right(), false)) {
            AmpConnection caller = AmpConnection.open(pair.left(), ResponderLocator.NONE);
            AtomicLong returned = new AtomicLong();
            Thread blocked = new Thread(() -> {
                caller.callRemoteString("Big", new Box().put("v", new byte[10_000]));
                returned.set(System.nanoTime());
            });
            blocked.start();
            Thread.sleep(100);
            assertTrue(blocked.isAlive(), "the flusher should be blocked on the full buffer");
            long start = System.nanoTime();
            caller.close();
            assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(500), "close blocked");
            blocked.join(Await.TIMEOUT.toMillis());
            assertFalse(blocked.isAlive(), "the blocked flusher was not released");
        }
    }

    private static int threadsNamed(String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (true) {
            int count = 0;
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().equals(name) && thread.isAlive()) {
                    count++;
                }
            }
            if (count == 0 || System.nanoTime() > deadline) {
                return count;
            }
            Thread.sleep(10);
        }
    }
}
