package io.ampjava.dispatch;

import static io.ampjava.wire.TestBoxes.box;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.dispatch.TestCommands.Operands;
import io.ampjava.dispatch.TestCommands.Total;
import io.ampjava.testing.Await;
import io.ampjava.testing.DescriptorSnapshot;
import io.ampjava.transport.InMemoryTransport;
import io.ampjava.types.Descriptor;
import io.ampjava.wire.Box;
import io.ampjava.wire.ProtocolException;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The caller's limits: outstanding calls and queued bytes refuse a call at once, without using a
 * tag; a timeout or a cancel frees the call, and its late answer is dropped without closing the
 * connection, while an answer to a tag never issued still closes it, as in Twisted.
 */
@Timeout(20)
class CallLimitsTest {
    private AmpConnection connection;
    private RawPeer peer;

    private void open(ConnectionOptions options, boolean peerReads) {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        connection = AmpConnection.open(pair.left(), ResponderLocator.NONE, options);
        peer = new RawPeer(pair.right(), peerReads);
    }

    @AfterEach
    void close() {
        if (connection != null) {
            connection.close();
            peer.close();
        }
    }

    @Test
    void aCallOverTheOutstandingLimitFailsAtOnceWithoutUsingATag() throws Exception {
        open(ConnectionOptions.builder().maxOutstandingCalls(2).build(), true);
        CompletableFuture<Total> first = connection.callRemote(TestCommands.SUM, new Operands(1, 2));
        CompletableFuture<Total> second = connection.callRemote(TestCommands.SUM, new Operands(3, 4));
        CompletableFuture<Total> third = connection.callRemote(TestCommands.SUM, new Operands(5, 6));

        assertInstanceOf(CallRejectedException.class, Await.failure(third));
        assertTrue(Await.failure(third).getMessage().contains("limit 2"), Await.failure(third).getMessage());
        assertEquals("1", peer.nextBox().getString("_ask"));
        assertEquals("2", peer.nextBox().getString("_ask"));
        peer.expectSilence(100); // the refused call wrote nothing

        peer.send(box("_answer", "1", "total", "3"));
        assertEquals(3, Await.result(first).total());
        CompletableFuture<Total> fourth = connection.callRemote(TestCommands.SUM, new Operands(7, 8));
        assertEquals("3", peer.nextBox().getString("_ask"), "the refused call used no tag");
        peer.send(box("_answer", "2", "total", "7"));
        peer.send(box("_answer", "3", "total", "15"));
        assertEquals(7, Await.result(second).total());
        assertEquals(15, Await.result(fourth).total());
        assertTrue(connection.isOpen());
    }

    @Test
    void aCallWhileTooManyBytesWaitToBeWrittenFailsAtOnce() throws Exception {
        // The peer reads nothing: the in-memory pipe (64 KiB) fills, then the queue.
        open(ConnectionOptions.builder().maxQueuedBytes(200_000).build(), false);
        Box big = new Box().put("data", new byte[60_000]);
        // The first call fits the pipe; the second blocks its thread in the write (it is the flusher).
        Thread flusher = new Thread(() -> {
            connection.callRemoteString("Big", big);
            connection.callRemoteString("Big", big);
        });
        flusher.start();
        awaitBlocked(flusher);
        List<CompletableFuture<Box>> queued = new ArrayList<>();
        CallRejectedException refused = null;
        while (refused == null && queued.size() < 100) {
            CompletableFuture<Box> call = connection.callRemoteString("Big", big);
            if (call.isCompletedExceptionally()) {
                refused = (CallRejectedException) Await.failure(call);
            } else {
                queued.add(call); // queued, not written: this thread returns at once
            }
        }
        assertTrue(refused != null, "no call was refused");
        assertTrue(refused.getMessage().contains("the peer is not reading"), refused.getMessage());
        assertTrue(queued.size() <= 3, queued.size() + " calls of 60 KB queued behind one being written, limit 200 KB");
        assertTrue(connection.isOpen());

        peer.resume();
        flusher.join(5_000);
        for (int i = 0; i < 2 + queued.size(); i++) {
            peer.nextBox(); // everything accepted is written once the peer reads
        }
        peer.expectSilence(100);
    }

    private static void awaitBlocked(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != Thread.State.WAITING) {
            assertTrue(System.nanoTime() < deadline, "the flushing thread never blocked");
            Thread.sleep(5);
        }
    }

    @Test
    void aTimedOutCallIsFreedAndItsLateAnswerDropped() throws Exception {
        open(ConnectionOptions.builder().callTimeout(Duration.ofMillis(100)).maxOutstandingCalls(1).build(), true);
        CompletableFuture<Total> slow = connection.callRemote(TestCommands.SUM, new Operands(1, 2));
        CallTimeoutException timedOut = assertInstanceOf(CallTimeoutException.class, Await.failure(slow));
        assertEquals("no answer to Sum within 100 ms on " + connection.describe(), timedOut.getMessage());
        assertEquals("Sum", timedOut.command());
        assertEquals(Duration.ofMillis(100), timedOut.waited());
        assertEquals("1", peer.nextBox().getString("_ask"));

        // The peer still owes tag 1: it counts against the limit until its answer comes.
        assertInstanceOf(CallRejectedException.class,
                Await.failure(connection.callRemote(TestCommands.SUM, new Operands(3, 4))));
        peer.send(box("_answer", "1", "total", "3"));
        CompletableFuture<Total> next = awaitAccepted(() -> connection.callRemote(TestCommands.SUM, new Operands(5, 6)));
        Box request = peer.nextBox();
        peer.send(box("_answer", request.getString("_ask"), "total", "11"));
        assertEquals(11, Await.result(next).total());
        assertTrue(connection.isOpen(), "a late answer does not close the connection");
    }

    @Test
    void aCancelledCallIsFreedAndItsLateErrorDropped() throws Exception {
        open(ConnectionOptions.defaults(), true);
        CompletableFuture<Total> call = connection.callRemote(TestCommands.SUM, new Operands(1, 2));
        assertTrue(call.cancel(true));
        assertInstanceOf(CancellationException.class, assertThrows(CancellationException.class, call::join));
        peer.nextBox();
        peer.send(box("_error", "1", "_error_code", "OOPS", "_error_description", "late"));
        CompletableFuture<Total> next = connection.callRemote(TestCommands.SUM, new Operands(5, 6));
        assertEquals("2", peer.nextBox().getString("_ask"));
        peer.send(box("_answer", "2", "total", "11"));
        assertEquals(11, Await.result(next).total());
        assertTrue(connection.isOpen());
    }

    @Test
    void orTimeoutOnTheFutureFreesTheCallToo() throws Exception {
        open(ConnectionOptions.builder().maxOutstandingCalls(1).build(), true);
        CompletableFuture<Total> call = connection.callRemote(TestCommands.SUM, new Operands(1, 2))
                .orTimeout(50, TimeUnit.MILLISECONDS);
        assertInstanceOf(TimeoutException.class, Await.failure(call));
        peer.nextBox();
        peer.send(box("_answer", "1", "total", "3"));
        CompletableFuture<Total> next = awaitAccepted(() -> connection.callRemote(TestCommands.SUM, new Operands(0, 0)));
        assertEquals("2", peer.nextBox().getString("_ask"));
        assertTrue(connection.isOpen());
        next.cancel(true);
    }

    @Test
    void theConnectionKeepsNothingOfAGivenUpCall() throws Exception {
        open(ConnectionOptions.defaults(), true);
        CompletableFuture<Total> call = connection.callRemote(TestCommands.SUM, new Operands(1, 2));
        call.cancel(true);
        WeakReference<CompletableFuture<Total>> reference = new WeakReference<>(call);
        call = null;
        for (int i = 0; i < 50 && reference.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(reference.get(), "the connection still holds the cancelled call's future");
        assertTrue(connection.isOpen());
    }

    @Test
    void anAnswerToATagNeverIssuedStillClosesTheConnection() throws Exception {
        open(ConnectionOptions.builder().callTimeout(Duration.ofMillis(50)).build(), true);
        CompletableFuture<Total> call = connection.callRemote(TestCommands.SUM, new Operands(1, 2));
        assertInstanceOf(CallTimeoutException.class, Await.failure(call));
        peer.send(box("_answer", "2", "total", "3")); // tag 2 was never used
        Await.result(connection.closeFuture());
        assertInstanceOf(ProtocolException.class, connection.closeCause());
    }

    @Test
    void theLateAnswerOfAGivenUpCallHasItsDescriptorsClosed() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        connection = AmpConnection.open(pair.left(), ResponderLocator.NONE,
                ConnectionOptions.builder().callTimeout(Duration.ofMillis(50)).build());
        peer = new RawPeer(pair.right());
        CompletableFuture<List<Descriptor>> call = connection.callRemote(TestCommands.GET_FDS, 1L);
        assertInstanceOf(CallTimeoutException.class, Await.failure(call));
        peer.nextBox();
        try (Descriptor.Pipe pipe = Descriptor.pipe()) {
            DescriptorSnapshot before = DescriptorSnapshot.take();
            answerFirstCallWithDescriptor(pair, pipe.readEnd());
            awaitAnswered();
            assertEquals(0, ((DescriptorExchange) connection.argumentContext()).waiting(), "the late descriptor is not kept");
            before.assertNoNewDescriptors(); // the descriptor the late answer brought is closed
        }
    }

    /**
     * The window between a caller completing the future (a timeout, a cancel) and the call leaving
     * the table: an answer read then is decoded for a future nobody waits on. obtrudeException
     * completes the future without giving the call up, which holds that window open.
     */
    @Test
    void anAnswerDecodedForAFutureCompletedMeanwhileHasItsDescriptorsClosed() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        connection = AmpConnection.open(pair.left(), ResponderLocator.NONE, ConnectionOptions.defaults());
        peer = new RawPeer(pair.right());
        CompletableFuture<List<Descriptor>> call = connection.callRemote(TestCommands.GET_FDS, 1L);
        peer.nextBox();
        call.obtrudeException(new TimeoutException("completed while the answer is on its way"));
        try (Descriptor.Pipe pipe = Descriptor.pipe()) {
            DescriptorSnapshot before = DescriptorSnapshot.take();
            answerFirstCallWithDescriptor(pair, pipe.readEnd());
            awaitAnswered();
            assertEquals(0, ((DescriptorExchange) connection.argumentContext()).waiting(), "the descriptor was claimed");
            before.assertNoNewDescriptors(); // and closed, since the answer reached nobody
        }
        assertInstanceOf(TimeoutException.class, Await.failure(call), "the caller's outcome stays");
    }

    /** Answers call 1 of GET_FDS with a copy of {@code descriptor}, riding the answer's first byte. */
    private void answerFirstCallWithDescriptor(InMemoryTransport.Pair pair, Descriptor descriptor) throws Exception {
        byte[] answer = io.ampjava.wire.BoxEncoder.encode(box("_answer", "1", "fds", "0"));
        pair.right().writeWithDescriptor(java.nio.ByteBuffer.wrap(answer, 0, 1), descriptor.fd());
        peer.sendBytes(java.util.Arrays.copyOfRange(answer, 1, answer.length));
    }

    /** A call made now is answered after everything the peer sent before, which is read by then. */
    private void awaitAnswered() throws Exception {
        CompletableFuture<Total> next = connection.callRemote(TestCommands.SUM, new Operands(1, 1));
        peer.send(box("_answer", peer.nextBox().getString("_ask"), "total", "2"));
        Await.result(next);
    }

    /** Retries a call refused because a late answer has not been read yet. */
    private static <T> CompletableFuture<T> awaitAccepted(java.util.function.Supplier<CompletableFuture<T>> call)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            CompletableFuture<T> future = call.get();
            if (!future.isCompletedExceptionally() || System.nanoTime() > deadline) {
                return future;
            }
            Thread.sleep(5);
        }
    }
}
