package io.ampjava.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.Amp;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ConnectionLostException;
import io.ampjava.dispatch.ConnectionOptions;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.reliability.ReliabilityCommands.Operands;
import io.ampjava.reliability.ReliabilityCommands.PassFdArguments;
import io.ampjava.testing.Await;
import io.ampjava.testing.OpenDescriptor;
import io.ampjava.server.AmpServer;
import io.ampjava.testing.TwistedPython;
import io.ampjava.transport.unix.UnixTransport;
import io.ampjava.types.Descriptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real peer processes killed with SIGKILL at the worst moments, over real Unix sockets: half-way
 * through a request box, after sending descriptors for a box that never comes, with the server's
 * calls back to them outstanding, and (as a server) holding our descriptor calls.
 *
 * <p>Each time: every outstanding future fails with {@link ConnectionLostException} within a second
 * of the kill, the dead peer's reader thread ends, every fd and thread of this JVM opened or started
 * since the peer came is gone again, and the server goes on serving its other clients.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PeerKilledTest {
    private static final Duration A_SECOND = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    private ExecutorService later;

    @BeforeEach
    void setUp() throws Exception {
        TwistedPython.require(TwistedPython.Need.PYTHON); // the peers are Python scripts
        later = Executors.newSingleThreadExecutor();
        FaultPeerProcess.warmUp();
    }

    @AfterEach
    void tearDown() {
        if (later != null) {
            later.shutdownNow();
        }
    }

    @Test
    void aClientKilledMidBoxLeavesTheServerServingOthers() throws Exception {
        Path socket = dir.resolve("amp.sock");
        try (AmpServer server = serve(socket, ReliabilityCommands.newCallbackList());
                AmpConnection steady = Amp.connectUnix(socket, ResponderLocator.NONE)) {
            assertEquals(3L, sum(steady, 1, 2));
            ProcessState before = ProcessState.now();
            try (FaultPeerProcess peer = FaultPeerProcess.start("half-box", socket, 1)) {
                peer.expect("STALLED");
                awaitConnections(server, 2, Duration.ofSeconds(5));
                peer.kill();
                awaitConnections(server, 1, A_SECOND);
            }
            assertBackTo(before);
            assertStillServing(server, socket, steady);
        }
    }

    @Test
    void aClientKilledMidDescriptorLeavesNoDescriptorOpen() throws Exception {
        Path socket = dir.resolve("amp.sock");
        try (AmpServer server = serve(socket, ReliabilityCommands.newCallbackList());
                AmpConnection steady = Amp.connectUnix(socket, ResponderLocator.NONE)) {
            assertEquals(3L, sum(steady, 1, 2));
            ProcessState before = ProcessState.now();
            try (FaultPeerProcess peer = FaultPeerProcess.start("fds", socket, 1)) {
                peer.expect("STALLED");
                // The accepted socket and the two descriptors (/dev/null) waiting for a box that never
                // comes; the peer's stdio pipes are new as well.
                before.fds().awaitOpenedSince(1, OpenDescriptor::isSocket, Duration.ofSeconds(5));
                before.fds().awaitOpenedSince(2, fd -> fd.target().equals("/dev/null"), Duration.ofSeconds(5));
                peer.kill();
                awaitConnections(server, 1, A_SECOND);
            }
            assertBackTo(before);
            assertStillServing(server, socket, steady);
        }
    }

    @Test
    void aClientKilledWhileTheServerCallsItBackFailsThoseCallsWithinASecond() throws Exception {
        Path socket = dir.resolve("amp.sock");
        List<CompletableFuture<Long>> callbacks = ReliabilityCommands.newCallbackList();
        try (AmpServer server = serve(socket, callbacks);
                AmpConnection steady = Amp.connectUnix(socket, ResponderLocator.NONE)) {
            assertEquals(3L, sum(steady, 1, 2));
            ProcessState before = ProcessState.now();
            try (FaultPeerProcess peer = FaultPeerProcess.start("callback", socket, 5)) {
                peer.expect("STALLED");
                // The peer may read a call back before callRemote has returned it to the responder.
                awaitSize(callbacks, 5, Duration.ofSeconds(5));
                long killed = System.nanoTime();
                peer.kill();
                allFailWithinASecond(callbacks, killed);
                awaitConnections(server, 1, A_SECOND);
            }
            assertBackTo(before);
            assertStillServing(server, socket, steady);
        }
    }

    @Test
    void aServerKilledWhileHoldingDescriptorCallsFailsThemAndClosesOurCopies() throws Exception {
        Path socket = dir.resolve("peer.sock");
        ProcessState before = ProcessState.now();
        try (FaultPeerProcess peer = FaultPeerProcess.start("stall-fds", socket, 3)) {
            peer.expect("READY");
            AmpConnection client = AmpConnection.open(UnixTransport.connect(socket), ResponderLocator.NONE,
                    ConnectionOptions.builder().threadName("fault-client").build());
            List<CompletableFuture<Long>> calls = new ArrayList<>();
            try (Descriptor.Pipe pipe = Descriptor.pipe()) {
                for (int i = 0; i < 3; i++) {
                    calls.add(client.callRemote(ReliabilityCommands.PASS_FD,
                            new PassFdArguments(pipe.writeEnd(), new byte[] {'x'})));
                }
            }
            peer.expect("STALLED");
            long killed = System.nanoTime();
            peer.kill();
            allFailWithinASecond(calls, killed);
            Await.result(client.closeFuture(), Duration.ofSeconds(1));
            awaitThreadGone("fault-client", A_SECOND);
        }
        assertBackTo(before);
    }

    private AmpServer serve(Path socket, List<CompletableFuture<Long>> callbacks) throws Exception {
        return Amp.listenUnix(socket, () -> ReliabilityCommands.locator(later, callbacks));
    }

    private static long sum(AmpConnection connection, long a, long b) throws Exception {
        return Await.result(connection.callRemote(ReliabilityCommands.SUM, new Operands(a, b)));
    }

    /** The steady client still gets answers, and a newcomer is served too. */
    private static void assertStillServing(AmpServer server, Path socket, AmpConnection steady) throws Exception {
        List<CompletableFuture<Long>> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            calls.add(steady.callRemote(ReliabilityCommands.SUM, new Operands(i, i)));
        }
        for (int i = 0; i < 100; i++) {
            assertEquals(2L * i, Await.result(calls.get(i)));
        }
        try (AmpConnection newcomer = Amp.connectUnix(socket, ResponderLocator.NONE)) {
            assertEquals(42L, sum(newcomer, 40, 2));
        }
        assertTrue(server.isOpen());
    }

    private static void allFailWithinASecond(List<CompletableFuture<Long>> calls, long since) throws Exception {
        for (CompletableFuture<Long> call : calls) {
            long left = A_SECOND.toNanos() - (System.nanoTime() - since); // of the second since the kill
            assertInstanceOf(ConnectionLostException.class, Await.failure(call, Duration.ofNanos(Math.max(left, 0))));
        }
        System.out.printf("fault: %d outstanding calls failed %.1f ms after the SIGKILL%n",
                calls.size(), (System.nanoTime() - since) / 1e6);
    }

    private static void assertBackTo(ProcessState before) throws InterruptedException {
        before.assertNothingNewLeft(A_SECOND);
        System.out.println("fault: before the peer " + before + "; none opened or started since is left");
    }

    private static void awaitConnections(AmpServer server, int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (server.connections().size() != count) {
            assertTrue(System.nanoTime() < deadline,
                    "the server has " + server.connections().size() + " connections, not " + count + ", after " + within);
            Thread.sleep(5);
        }
    }

    private static void awaitSize(List<?> list, int size, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (list.size() < size) {
            assertTrue(System.nanoTime() < deadline, "only " + list.size() + " of " + size + " after " + within);
            Thread.sleep(5);
        }
    }

    private static void awaitThreadGone(String name, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name))) {
            assertTrue(System.nanoTime() < deadline, "thread " + name + " still alive after " + within);
            Thread.sleep(5);
        }
    }
}
