package io.ampjava.dispatch;

import static io.ampjava.wire.TestBoxes.box;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.dispatch.TestCommands.Operands;
import io.ampjava.dispatch.TestCommands.Total;
import io.ampjava.transport.InMemoryTransport;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What generated {@code callBlocking} methods rely on: failures as themselves, and a time limit that frees the call. */
@Timeout(20)
class BlockingCallsTest {
    private AmpConnection connection;
    private RawPeer peer;

    @BeforeEach
    void open() {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        connection = AmpConnection.open(pair.left(), ResponderLocator.NONE);
        peer = new RawPeer(pair.right());
    }

    @AfterEach
    void close() {
        connection.close();
        peer.close();
    }

    @Test
    void anUncheckedFailureIsThrownAsItself() {
        IllegalStateException failure = new IllegalStateException("broken");
        assertSame(failure, assertThrows(IllegalStateException.class,
                () -> BlockingCalls.await(CompletableFuture.failedFuture(failure))));
        AssertionError error = new AssertionError("worse");
        assertSame(error, assertThrows(AssertionError.class,
                () -> BlockingCalls.await(CompletableFuture.failedFuture(error))));
        assertEquals("fine", BlockingCalls.await(CompletableFuture.completedFuture("fine")));
    }

    @Test
    void aCheckedFailureStaysWrappedUntilItsDeclaredTypeIsAskedFor() throws Exception {
        IOException failure = new IOException("disk full");
        CompletionException wrapped = assertThrows(CompletionException.class,
                () -> BlockingCalls.await(CompletableFuture.failedFuture(failure)));
        assertSame(failure, wrapped.getCause());
        BlockingCalls.throwIfCause(wrapped, InterruptedException.class); // not that type: nothing thrown
        assertSame(failure, assertThrows(IOException.class, () -> BlockingCalls.throwIfCause(wrapped, IOException.class)));
    }

    @Test
    void anAnswerInTimeIsReturned() throws Exception {
        CompletableFuture<Total> call = connection.callRemote(TestCommands.SUM, new Operands(1, 2));
        peer.send(box("_answer", peer.nextBox().getString("_ask"), "total", "3"));
        assertEquals(3, BlockingCalls.await(call, Duration.ofSeconds(5), TestCommands.SUM, connection).total());
    }

    @Test
    void noAnswerInTimeFailsTheCallAndFreesIt() throws Exception {
        CompletableFuture<Total> call = connection.callRemote(TestCommands.SUM, new Operands(1, 2));
        CallTimeoutException timeout = assertThrows(CallTimeoutException.class,
                () -> BlockingCalls.await(call, Duration.ofMillis(50), TestCommands.SUM, connection));
        assertEquals("no answer to Sum within 50 ms on " + connection.describe(), timeout.getMessage());
        assertEquals("Sum", timeout.command());
        assertEquals(Duration.ofMillis(50), timeout.waited());
        assertSame(timeout, assertThrows(CompletionException.class, call::join).getCause(), "the call's own future failed");

        // Given up: its late answer is dropped, and the connection goes on.
        peer.send(box("_answer", peer.nextBox().getString("_ask"), "total", "3"));
        CompletableFuture<Total> next = connection.callRemote(TestCommands.SUM, new Operands(5, 6));
        peer.send(box("_answer", peer.nextBox().getString("_ask"), "total", "11"));
        assertEquals(11, BlockingCalls.await(next, Duration.ofSeconds(5), TestCommands.SUM, connection).total());
        assertTrue(connection.isOpen());
    }

    @Test
    void aZeroOrNegativeTimeoutTakesOnlyAnAnswerAlreadyThere() {
        assertEquals("here", BlockingCalls.await(CompletableFuture.completedFuture("here"), Duration.ofSeconds(-1),
                TestCommands.SUM, connection));
        CompletableFuture<Total> call = connection.callRemote(TestCommands.SUM, new Operands(1, 2));
        assertEquals("no answer to Sum within 0 ms on " + connection.describe(), assertThrows(CallTimeoutException.class,
                () -> BlockingCalls.await(call, Duration.ZERO, TestCommands.SUM, connection)).getMessage());
    }

    @Test
    void anInterruptDoesNotEndTheWaitAndIsKept() throws Exception {
        CompletableFuture<Total> call = connection.callRemote(TestCommands.SUM, new Operands(1, 2));
        Thread.currentThread().interrupt();
        try {
            assertThrows(CallTimeoutException.class,
                    () -> BlockingCalls.await(call, Duration.ofMillis(50), TestCommands.SUM, connection));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
        }
        CompletableFuture<String> done = new CompletableFuture<>();
        Thread.currentThread().interrupt();
        try {
            done.complete("done");
            assertEquals("done", BlockingCalls.await(done));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
