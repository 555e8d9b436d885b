package io.ampjava.dispatch;

import static io.ampjava.wire.TestBoxes.box;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.dispatch.TestCommands.Operands;
import io.ampjava.dispatch.TestCommands.Total;
import io.ampjava.testing.Await;
import io.ampjava.transport.InMemoryTransport;
import io.ampjava.transport.Transport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An {@link Error} on the connection's I/O paths (an {@link OutOfMemoryError} while writing or
 * closing, as under heap or thread exhaustion) still closes the connection completely: its calls
 * fail, its transport is closed, its close future completes and it gives its memory budget back.
 */
@Timeout(30)
class IoPathErrorsTest {
    /** An in-memory end whose next write, or whose close, throws the Error it is given. */
    private static final class FailingTransport implements Transport {
        final InMemoryTransport inner;
        volatile Error onWrite;
        volatile Error onClose;
        volatile boolean closed;

        FailingTransport(InMemoryTransport inner) {
            this.inner = inner;
        }

        @Override
        public int read(ByteBuffer dst, IntConsumer descriptors) throws IOException {
            return inner.read(dst, descriptors);
        }

        @Override
        public void write(ByteBuffer[] srcs) throws IOException {
            Error error = onWrite;
            if (error != null) {
                onWrite = null;
                throw error;
            }
            inner.write(srcs);
        }

        @Override
        public void shutdownOutput() {
            inner.shutdownOutput();
        }

        @Override
        public void close() {
            closed = true;
            inner.close();
            Error error = onClose;
            if (error != null) {
                throw error;
            }
        }

        @Override
        public String describe() {
            return "failing";
        }
    }

    private final MemoryBudget budget = MemoryBudget.ofBytes(1 << 20);
    private FailingTransport transport;
    private AmpConnection connection;

    /** A calculator connection over a failing transport, counting against {@link #budget}; its peer. */
    private RawPeer open() {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        transport = new FailingTransport(pair.left());
        connection = AmpConnection.open(transport, TestCommands.calculator(),
                ConnectionOptions.builder().memoryBudget(budget).build());
        return new RawPeer(pair.right());
    }

    @AfterEach
    void close() {
        if (connection != null) {
            connection.close();
        }
    }

    @Test
    void anErrorWhileWritingClosesTheConnectionAndFailsItsCalls() throws Exception {
        try (RawPeer peer = open()) {
            CompletableFuture<Total> first = connection.callRemote(TestCommands.SUM, new Operands(1, 2));
            assertEquals("Sum", peer.nextBox().getString("_command"));
            transport.onWrite = new OutOfMemoryError("Java heap space (a test)");
            CompletableFuture<Total> second = connection.callRemote(TestCommands.SUM, new Operands(3, 4));
            Await.result(connection.closeFuture());
            assertInstanceOf(OutOfMemoryError.class, connection.closeCause());
            assertInstanceOf(ConnectionLostException.class, Await.failure(first));
            assertInstanceOf(ConnectionLostException.class, Await.failure(second));
            assertTrue(transport.closed, "the transport is closed");
            peer.expectClosedWithoutMore();
            assertEquals(0, budget.used(), "the budget is given back");
        }
    }

    @Test
    void anErrorWhileClosingStillCompletesTheClose() throws Exception {
        try (RawPeer peer = open()) {
            peer.send(box("_command", "Sum", "_ask", "1", "a", "1", "b", "2"));
            assertEquals("3", peer.nextBox().getString("total"));
            CompletableFuture<Total> call = connection.callRemote(TestCommands.SUM, new Operands(1, 2));
            transport.onClose = new OutOfMemoryError("unable to create native thread (a test)");
            IOException closing = new IOException("closed by the test");
            connection.shutdown(closing);
            assertTrue(connection.closeFuture().isDone(), "the close completed although closing threw");
            assertSame(closing, connection.closeCause());
            assertInstanceOf(ConnectionLostException.class, Await.failure(call));
            assertEquals(0, budget.used(), "the budget is given back");
        }
    }

    @Test
    void aResponderExecutorThatCannotStartAThreadAnswersUnknownAndCloses() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        java.util.concurrent.Executor noThreads = task -> {
            throw new OutOfMemoryError("unable to create native thread (a test)");
        };
        connection = AmpConnection.open(pair.left(), TestCommands.calculator(),
                ConnectionOptions.builder().responderExecutor(noThreads).build());
        try (RawPeer peer = new RawPeer(pair.right())) {
            peer.send(box("_command", "Sum", "_ask", "1", "a", "1", "b", "2"));
            io.ampjava.wire.Box answer = peer.nextBox();
            assertEquals("UNKNOWN", answer.getString("_error_code"), "the request is answered, as for a refusal");
            Await.result(connection.closeFuture());
            peer.expectClosedWithoutMore();
        }
    }
}
