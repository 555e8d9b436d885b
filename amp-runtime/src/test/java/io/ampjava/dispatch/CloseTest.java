package io.ampjava.dispatch;

import static io.ampjava.dispatch.TestCommands.GOODBYE;
import static io.ampjava.dispatch.TestCommands.HELLO;
import static io.ampjava.wire.TestBoxes.box;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.testing.Await;
import io.ampjava.testing.WireBytes;
import io.ampjava.transport.InMemoryTransport;
import io.ampjava.wire.ProtocolException;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Why a connection closed ({@link CloseReason}), and the graceful close. */
@Timeout(20)
class CloseTest {
    private AmpConnection connection;
    private RawPeer peer;

    private void open(ResponderLocator locator) {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        connection = AmpConnection.open(pair.left(), locator);
        peer = new RawPeer(pair.right());
    }

    @Test
    void closedHere() {
        open(ResponderLocator.NONE);
        assertEquals(null, connection.closeReason());
        connection.close();
        CloseReason reason = Await.result(connection.closeFuture());
        assertEquals(CloseReason.Kind.CLOSED_HERE, reason.kind());
        assertTrue(reason.isClean());
        assertInstanceOf(IOException.class, reason.cause());
        assertEquals(reason, connection.closeReason());
        peer.close();
    }

    @Test
    void closedByThePeer() {
        open(ResponderLocator.NONE);
        peer.close();
        CloseReason reason = Await.result(connection.closeFuture());
        assertEquals(CloseReason.Kind.CLOSED_BY_PEER, reason.kind());
        assertTrue(reason.isClean());
        assertInstanceOf(EOFException.class, reason.cause());
    }

    @Test
    void closedAfterAClosingAnswer() throws Exception {
        open(TestCommands.calculator().with(GOODBYE, (nothing, connection) -> null));
        peer.send(box("_command", "Goodbye", "_ask", "1"));
        peer.expectBytes(WireBytes.box("_answer", "1"));
        CloseReason reason = Await.result(connection.closeFuture());
        assertEquals(CloseReason.Kind.CLOSED_AFTER_ANSWER, reason.kind());
        assertTrue(reason.isClean());
        peer.close();
    }

    @Test
    void failed() throws Exception {
        open(ResponderLocator.NONE);
        peer.send(box("neither", "answer nor command"));
        CloseReason reason = Await.result(connection.closeFuture());
        assertEquals(CloseReason.Kind.FAILED, reason.kind());
        assertFalse(reason.isClean());
        assertInstanceOf(ProtocolException.class, reason.cause());
        peer.close();
    }

    @Test
    void aGracefulCloseRefusesNewCallsLetsTheOnesInFlightAndTheRequestsInProgressFinish() throws Exception {
        CompletableFuture<String> later = new CompletableFuture<>();
        open(new TestCommands.MapLocator().with("hello", Responders.of(HELLO, (text, connection) -> later)));
        CompletableFuture<String> mine = connection.callRemote(HELLO, "mine");
        assertEquals("1", peer.nextBox().getString("_ask"));
        peer.send(box("_command", "hello", "_ask", "1", "hello", "theirs"));

        CompletableFuture<CloseReason> closed = connection.closeGracefully(Duration.ofSeconds(10));
        ConnectionLostException refused = assertInstanceOf(ConnectionLostException.class,
                Await.failure(connection.callRemote(HELLO, "too late")));
        assertTrue(refused.getMessage().contains("is closing: it takes no new calls"), refused.getMessage());
        assertTrue(connection.isOpen(), "still open: work is in progress");

        peer.send(box("_answer", "1", "hello", "yours"));
        assertEquals("yours", Await.result(mine));
        peer.expectSilence(100);
        assertFalse(closed.isDone(), "the peer's request is still being answered");

        later.complete("answered");
        peer.expectBytes(WireBytes.box("_answer", "1", "hello", "answered"));
        assertEquals(CloseReason.Kind.CLOSED_HERE, Await.result(closed).kind());
        peer.expectClosedWithoutMore();
        peer.close();
    }

    @Test
    void aGracefulCloseGivesUpAfterItsTimeout() {
        open(ResponderLocator.NONE);
        CompletableFuture<String> unanswered = connection.callRemote(HELLO, "anyone?");
        CloseReason reason = Await.result(connection.closeGracefully(Duration.ofMillis(200)));
        assertEquals(CloseReason.Kind.CLOSED_HERE, reason.kind());
        assertTrue(reason.cause().getMessage().contains("200 ms passed with work still in progress"),
                reason.cause().getMessage());
        assertInstanceOf(ConnectionLostException.class, Await.failure(unanswered));
        peer.close();
    }
}
