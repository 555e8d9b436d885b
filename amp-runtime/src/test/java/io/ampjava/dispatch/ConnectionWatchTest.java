package io.ampjava.dispatch;

import static io.ampjava.wire.TestBoxes.box;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.dispatch.TestCommands.Operands;
import io.ampjava.dispatch.TestCommands.Total;
import io.ampjava.internal.concurrent.SharedTimer;
import io.ampjava.testing.Await;
import io.ampjava.testing.ThreadSnapshot;
import io.ampjava.transport.InMemoryTransport;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The idle and write-stall timeouts, with durations short enough for a unit test: a silent peer
 * and a peer that takes none of its answers are closed, with a {@link ConnectionTimeoutException}
 * that says which timeout and why, to the connection and to the calls it fails; work in progress is
 * not idleness.
 */
@Timeout(30)
class ConnectionWatchTest {
    private static final Duration SHORT = Duration.ofMillis(300);

    private AmpConnection connection;
    private RawPeer peer;

    private void open(ResponderLocator locator, ConnectionOptions options, int capacity, boolean peerReads) {
        InMemoryTransport.Pair pair = InMemoryTransport.pair(capacity, false);
        connection = AmpConnection.open(pair.left(), locator, options);
        peer = new RawPeer(pair.right(), peerReads);
    }

    @AfterEach
    void close() {
        if (connection != null) {
            connection.close();
        }
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void theTimeoutsAreOffForConnectionsAndOnForServers() {
        assertNull(ConnectionOptions.defaults().idleTimeout());
        assertNull(ConnectionOptions.defaults().writeStallTimeout());
        assertEquals(Duration.ofMinutes(10), ConnectionOptions.serverDefaults().idleTimeout());
        assertEquals(Duration.ofSeconds(60), ConnectionOptions.serverDefaults().writeStallTimeout());
        assertEquals(Duration.ofSeconds(30), ConnectionOptions.defaults().budgetTimeout());
    }

    @Test
    void theLeakChecksKnowTheSharedTimerThread() {
        assertEquals(ThreadSnapshot.AMP_TIMER, SharedTimer.THREAD_NAME);
    }

    @Test
    void aSilentPeerIsClosedByTheIdleTimeoutWithItsReason() throws Exception {
        open(TestCommands.calculator(), ConnectionOptions.builder().idleTimeout(SHORT).build(),
                InMemoryTransport.DEFAULT_CAPACITY, true);
        peer.send(box("_command", "Sum", "_ask", "1", "a", "1", "b", "2"));
        assertEquals("3", peer.nextBox().getString("total"), "served while it talks");
        Await.result(connection.closeFuture());
        ConnectionTimeoutException cause = assertInstanceOf(ConnectionTimeoutException.class, connection.closeCause());
        assertTrue(cause.getMessage().contains("while nothing was in progress (idle timeout)"), cause.getMessage());
        peer.expectClosedWithoutMore();
    }

    @Test
    void requestsInProgressAndCallsAwaitingAnswersAreNotIdleness() throws Exception {
        CompletableFuture<Total> slow = new CompletableFuture<>();
        ResponderLocator locator = new TestCommands.MapLocator()
                .withAsync(TestCommands.SUM, (operands, connection) -> slow);
        open(locator, ConnectionOptions.builder().idleTimeout(SHORT).build(), InMemoryTransport.DEFAULT_CAPACITY, true);
        peer.send(box("_command", "Sum", "_ask", "1", "a", "1", "b", "2"));
        Thread.sleep(SHORT.toMillis() * 3);
        assertTrue(connection.isOpen(), "closed while a request was in progress");
        slow.complete(new Total(3));
        assertEquals("3", peer.nextBox().getString("total"));

        CompletableFuture<Total> call = connection.callRemote(TestCommands.SUM, new Operands(2, 2));
        assertEquals("Sum", peer.nextBox().getString("_command"));
        Thread.sleep(SHORT.toMillis() * 3);
        assertTrue(connection.isOpen(), "closed while a call of ours waited for its answer");
        assertTrue(!call.isDone());

        peer.send(box("_answer", "1", "total", "4"));
        assertEquals(new Total(4), Await.result(call));
        Await.result(connection.closeFuture());
        assertInstanceOf(ConnectionTimeoutException.class, connection.closeCause(), "idle once nothing is in progress");
    }

    @Test
    void aPeerThatTakesNoneOfItsAnswersIsClosedByTheWriteStallTimeoutAndOurCallsHearWhy() throws Exception {
        ResponderLocator echo = new TestCommands.MapLocator().with(TestCommands.HELLO, (text, connection) -> text);
        // A 4 KiB pipe and a peer that never reads: the reader blocks writing its first answer.
        open(echo, ConnectionOptions.builder().writeStallTimeout(SHORT).build(), 4096, false);
        // Our call first: its small request fits the pipe, and the peer will never answer it.
        CompletableFuture<Total> call = connection.callRemote(TestCommands.SUM, new Operands(1, 2));
        peer.send(box("_command", "hello", "_ask", "1", "hello", "x".repeat(60_000)));
        Await.result(connection.closeFuture());
        ConnectionTimeoutException cause = assertInstanceOf(ConnectionTimeoutException.class, connection.closeCause());
        assertTrue(cause.getMessage().contains("(write-stall timeout)"), cause.getMessage());
        ConnectionLostException lost = assertInstanceOf(ConnectionLostException.class, Await.failure(call));
        assertInstanceOf(ConnectionTimeoutException.class, lost.getCause(), "the call says why");
    }

    @Test
    void aPeerThatReadsSlowlyIsNotStalled() throws Exception {
        ResponderLocator echo = new TestCommands.MapLocator().with(TestCommands.HELLO, (text, connection) -> text);
        open(echo, ConnectionOptions.builder().writeStallTimeout(SHORT).build(), 4096, false);
        peer.send(box("_command", "hello", "_ask", "1", "hello", "x".repeat(60_000)));
        Thread.sleep(SHORT.toMillis() / 2);
        peer.resume(); // it takes its answer before the timeout
        assertEquals(60_000, peer.nextBox().getString("hello").length());
        Thread.sleep(SHORT.toMillis() * 2);
        assertTrue(connection.isOpen(), "closed although the peer took its answer");
    }

    @Test
    void aConnectionClosedByATimeoutLeavesNothingReachable() throws Exception {
        open(TestCommands.calculator(), ConnectionOptions.builder().idleTimeout(SHORT).build(),
                InMemoryTransport.DEFAULT_CAPACITY, true);
        Await.result(connection.closeFuture());
        WeakReference<AmpConnection> reference = new WeakReference<>(connection);
        connection = null;
        for (int i = 0; i < 50 && reference.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(reference.get(), "something (the shared timer?) still holds the closed connection");
    }
}
