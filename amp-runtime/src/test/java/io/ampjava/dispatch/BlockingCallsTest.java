package io.ampjava.dispatch;

import static io.ampjava.dispatch.RawPeer.box;
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
}
