package io.ampjava.server;

import static io.ampjava.transport.SocketCommands.COUNT;
import static io.ampjava.transport.SocketCommands.NEVER;
import static io.ampjava.transport.SocketCommands.SUM;
import static io.ampjava.transport.SocketCommands.WRITE_INTO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.Amp;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ConnectionLostException;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.testing.Await;
import io.ampjava.testing.DescriptorSnapshot;
import io.ampjava.transport.ListeningSocket;
import io.ampjava.transport.NewThread;
import io.ampjava.transport.SocketCommands;
import io.ampjava.transport.Transport;
import io.ampjava.transport.tcp.TcpListeningSocket;
import io.ampjava.types.Descriptor;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Servers on real Unix and TCP sockets: many clients at once, per-connection state, clean close. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AmpServerTest {
    private static final int CLIENTS = 12;
    private static final int CALLS = 40;

    @TempDir
    Path dir;

    @Test
    void aUnixServerServesManyConnectionsAtOnce() throws Exception {
        try (AmpServer server = Amp.listenUnix(dir.resolve("many.sock"), SocketCommands::service)) {
            assertEquals("unix:" + dir.resolve("many.sock"), server.address());
            assertEquals(-1, server.port());
            servesManyAtOnce(server, () -> {
                try {
                    return Amp.connectUnix(dir.resolve("many.sock"), ResponderLocator.NONE);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        assertFalse(Files.exists(dir.resolve("many.sock")), "the socket file is removed on close");
    }

    @Test
    void aTcpServerServesManyConnectionsAtOnce() throws Exception {
        try (AmpServer server = Amp.listenTcp("127.0.0.1", 0, SocketCommands::service)) {
            assertTrue(server.port() > 0);
            assertEquals("tcp:127.0.0.1:" + server.port(), server.address());
            servesManyAtOnce(server, () -> {
                try {
                    return Amp.connectTcp("127.0.0.1", server.port(), ResponderLocator.NONE);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /**
     * Every client calls Count and Sum concurrently with the others; each sees its own counter go
     * 1, 2, 3... (a fresh locator per connection), and the server lists them all while they live.
     */
    private static void servesManyAtOnce(AmpServer server, Supplier<AmpConnection> connect) throws Exception {
        List<AmpConnection> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(connect.get());
        }
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            AmpConnection client = clients.get(i);
            int id = i;
            runs.add(CompletableFuture.runAsync(() -> {
                for (long call = 1; call <= CALLS; call++) {
                    assertEquals(call, client.callRemote(COUNT, null).join());
                    assertEquals(id + call, client.callRemote(SUM, new SocketCommands.Operands(id, call)).join());
                }
            }, NewThread.EACH_TASK));
        }
        Await.result(CompletableFuture.allOf(runs.toArray(new CompletableFuture<?>[0])), Duration.ofSeconds(20));
        assertEquals(CLIENTS, server.connections().size());

        for (AmpConnection client : clients) {
            client.close();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!server.connections().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.of(), server.connections(), "closed connections leave the list");
        assertTrue(server.isOpen());
    }

    @Test
    void closingTheServerEndsEveryConnectionAndItsCalls() throws Exception {
        AmpServer server = Amp.listenUnix(dir.resolve("close.sock"), SocketCommands::service);
        List<AmpConnection> clients = new ArrayList<>();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            AmpConnection client = Amp.connectUnix(dir.resolve("close.sock"), ResponderLocator.NONE);
            clients.add(client);
            assertEquals(1L, Await.result(client.callRemote(COUNT, null)));
            pending.add(client.callRemote(NEVER, null));
        }
        server.close();
        server.close();
        assertFalse(server.isOpen());
        assertTrue(server.closeFuture().isDone());
        for (CompletableFuture<Void> call : pending) {
            assertInstanceOf(ConnectionLostException.class, Await.failure(call, Duration.ofSeconds(1)));
        }
        for (AmpConnection client : clients) {
            Await.result(client.closeFuture(), Duration.ofSeconds(1));
        }
        assertFalse(Files.exists(dir.resolve("close.sock")));
        assertEquals(List.of(), server.connections());
    }

    @Test
    void aConnectionThatCannotBeSetUpDoesNotStopTheServer() throws Exception {
        AtomicInteger made = new AtomicInteger();
        Supplier<ResponderLocator> failsFirst = () -> {
            if (made.incrementAndGet() == 1) {
                throw new IllegalStateException("no locator for the first one");
            }
            return SocketCommands.service();
        };
        try (AmpServer server = Amp.listenTcp("127.0.0.1", 0, failsFirst)) {
            AmpConnection first = Amp.connectTcp("127.0.0.1", server.port(), ResponderLocator.NONE);
            assertInstanceOf(ConnectionLostException.class, Await.failure(first.callRemote(COUNT, null)));
            AmpConnection second = Amp.connectTcp("127.0.0.1", server.port(), ResponderLocator.NONE);
            assertEquals(1L, Await.result(second.callRemote(COUNT, null)));
            second.close();
        }
    }

    @Test
    void aPeerThatSendsGarbageLosesOnlyItsOwnConnection() throws Exception {
        try (AmpServer server = Amp.listenTcp("127.0.0.1", 0, SocketCommands::service);
                AmpConnection good = Amp.connectTcp("127.0.0.1", server.port(), ResponderLocator.NONE)) {
            try (Transport raw = io.ampjava.transport.tcp.TcpTransport.connect("127.0.0.1", server.port())) {
                raw.write(new ByteBuffer[] {ByteBuffer.wrap("GET / HTTP/1.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))});
                // The key length 0x4745 is over 255: the server drops that connection without a word.
                assertEquals(-1, raw.read(ByteBuffer.allocate(64), fd -> {}));
            }
            assertEquals(5L, Await.result(good.callRemote(SUM, new SocketCommands.Operands(2, 3))));
            AmpConnection later = Amp.connectTcp("127.0.0.1", server.port(), ResponderLocator.NONE);
            assertEquals(1L, Await.result(later.callRemote(COUNT, null)));
            later.close();
        }
    }

    @Test
    void aDescriptorOverTcpFailsBeforeAnythingIsSent() throws Exception {
        try (AmpServer server = Amp.listenTcp("127.0.0.1", 0, SocketCommands::service);
                AmpConnection client = Amp.connectTcp("127.0.0.1", server.port(), ResponderLocator.NONE);
                Descriptor.Pipe pipe = Descriptor.pipe()) {
            RuntimeException refused = assertThrows(RuntimeException.class,
                    () -> client.callRemote(WRITE_INTO, new SocketCommands.WriteIntoArguments(pipe.writeEnd(), "x")).join());
            assertTrue(String.valueOf(refused.getMessage()).contains("Unix socket")
                    || String.valueOf(refused.getCause()).contains("Unix socket"), refused.toString());
            // Nothing half-sent: the connection is fine and the next call is answered.
            assertEquals(1L, Await.result(client.callRemote(COUNT, null)));
        }
    }

    @Test
    void aCustomConnectorSeesEveryTransport() throws Exception {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (AmpServer server = AmpServer.serve(TcpListeningSocket.bind("127.0.0.1", 0), transport -> {
            seen.add(transport.describe());
            return AmpConnection.open(transport, SocketCommands.service());
        })) {
            AmpConnection client = Amp.connectTcp("127.0.0.1", server.port(), ResponderLocator.NONE);
            assertEquals(7L, Await.result(client.callRemote(SUM, new SocketCommands.Operands(3, 4))));
            assertEquals(1, seen.size());
            assertTrue(seen.get(0).startsWith("tcp:127.0.0.1:"), seen.toString());
            client.close();
        }
    }

    @Test
    void aConnectorThatThrowsAnErrorLosesOnlyThatConnection() throws Exception {
        DescriptorSnapshot before = DescriptorSnapshot.take();
        AtomicInteger attempts = new AtomicInteger();
        try (AmpServer server = AmpServer.serve(TcpListeningSocket.bind("127.0.0.1", 0), transport -> {
            if (attempts.incrementAndGet() <= 3) {
                // What Thread.start throws when the process is at its thread limit.
                throw new OutOfMemoryError("unable to create native thread (a test)");
            }
            return AmpConnection.open(transport, SocketCommands.service());
        })) {
            for (int i = 0; i < 3; i++) {
                try (AmpConnection refused = Amp.connectTcp("127.0.0.1", server.port(), ResponderLocator.NONE)) {
                    assertInstanceOf(ConnectionLostException.class,
                            Await.failure(refused.callRemote(COUNT, null), Duration.ofSeconds(2)), "refused at once");
                }
            }
            try (AmpConnection served = Amp.connectTcp("127.0.0.1", server.port(), ResponderLocator.NONE)) {
                assertEquals(1L, Await.result(served.callRemote(COUNT, null)), "served once threads are back");
            }
            assertTrue(server.isOpen());
            Await.condition("no connection left registered", () -> server.connections().isEmpty());
        }
        before.assertNoNewDescriptors();
    }

    @Test
    void theSpareDescriptorIsHeldWhenServeReturns() throws Exception {
        // A first server opens what the JDK keeps for good (its first TCP socket sets up the
        // networking code): let that be before the snapshot.
        AmpServer.serve(TcpListeningSocket.bind("127.0.0.1", 0), SocketCommands::service).close();
        DescriptorSnapshot before = DescriptorSnapshot.take();
        TcpListeningSocket socket = TcpListeningSocket.bind("127.0.0.1", 0);
        try (AmpServer server = AmpServer.serve(socket, SocketCommands::service)) {
            // Checked at once, not awaited: a caller that measures the server's descriptors right
            // after serve must find the spare among them, not see it appear later as a leak.
            assertTrue(before.openedSince().stream().anyMatch(fd -> fd.target().equals("/dev/null")),
                    () -> "the spare is open: " + DescriptorSnapshot.describe(before.openedSince()));
        }
        before.assertNoNewDescriptors();
    }

    @Test
    void anAcceptThatFailsIsRetriedAndTheWaitingPeerServed() throws Exception {
        TcpListeningSocket real = TcpListeningSocket.bind("127.0.0.1", 0);
        AtomicInteger failures = new AtomicInteger();
        ListeningSocket failingTwice = new ForwardingListeningSocket(real) {
            @Override
            public Transport accept() throws java.io.IOException {
                if (failures.incrementAndGet() <= 2) {
                    throw new java.io.IOException("accept failed: Too many open files (a test)");
                }
                return super.accept();
            }
        };
        try (AmpServer server = AmpServer.serve(failingTwice, SocketCommands::service);
                AmpConnection client = Amp.connectTcp("127.0.0.1", server.port(), ResponderLocator.NONE)) {
            assertEquals(1L, Await.result(client.callRemote(COUNT, null)));
            assertTrue(failures.get() >= 3, failures.get() + " accepts");
        }
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAtOnce() throws Exception {
        try (AmpServer server = Amp.listenTcp("127.0.0.1", 0, SocketCommands::service,
                ServerOptions.builder().maxConnections(2).build());
                AmpConnection first = Amp.connectTcp("127.0.0.1", server.port(), ResponderLocator.NONE);
                AmpConnection second = Amp.connectTcp("127.0.0.1", server.port(), ResponderLocator.NONE)) {
            assertEquals(1L, Await.result(first.callRemote(COUNT, null)));
            assertEquals(1L, Await.result(second.callRemote(COUNT, null)));
            try (AmpConnection third = Amp.connectTcp("127.0.0.1", server.port(), ResponderLocator.NONE)) {
                assertInstanceOf(ConnectionLostException.class,
                        Await.failure(third.callRemote(COUNT, null), Duration.ofSeconds(2)), "refused at once");
            }
            first.close();
            Await.condition("room for one more", () -> server.connections().size() == 1);
            try (AmpConnection fourth = Amp.connectTcp("127.0.0.1", server.port(), ResponderLocator.NONE)) {
                assertEquals(1L, Await.result(fourth.callRemote(COUNT, null)));
            }
        }
    }

    @Test
    void theDefaultConnectionLimitFollowsTheHeap() {
        long heapMiB = Runtime.getRuntime().maxMemory() >> 20;
        int expected = (int) Math.max(16, Math.min(512, heapMiB));
        assertEquals(expected, ServerOptions.defaultMaxConnections());
        assertEquals(expected, ServerOptions.defaults().maxConnections());
    }
}
