package io.ampjava.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.Amp;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ConnectionLostException;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.reliability.ReliabilityCommands.Operands;
import io.ampjava.reliability.ReliabilityCommands.PassFdArguments;
import io.ampjava.testing.Await;
import io.ampjava.testing.DescriptorSnapshot;
import io.ampjava.testing.OpenDescriptor;
import io.ampjava.testing.ThreadSnapshot;
import io.ampjava.server.AmpServer;
import io.ampjava.transport.unix.UnixListeningSocket;
import io.ampjava.types.Descriptor;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many calls over many Unix-socket connections to one server in this JVM, with random disconnects
 * from either side and descriptor calls mixed in; afterwards the fds, threads and heap of the JVM
 * must be back to their baseline.
 *
 * <p>Each connection keeps {@link #WINDOW} calls outstanding: {@code Sum} mostly, {@code PassFd}
 * (a descriptor the server writes into and closes) one call in {@link #DESCRIPTOR_EVERY}, and
 * {@code Delay} (answered later from another thread, so answers overtake each other) one in
 * {@link #DELAY_EVERY}. After a call, one time in {@link #DISCONNECT_EVERY}, the test closes a
 * connection: the client's own, or a random one on the server side; the client then reconnects.
 *
 * <p>Nothing may be lost: every call completes, with the right answer, or with
 * {@link ConnectionLostException} on a connection the test closed; no connection on either side
 * closes for any other reason.
 *
 * <p>CI runs 50,000 calls over 50 connections. The full run (see docs/reliability.md):
 * {@code mvn -pl amp-runtime -am verify -Dtest=SoakTest -Damp.soak.calls=1000000}.
 */
class SoakTest {
    private static final int WINDOW = 8;
    private static final int DESCRIPTOR_EVERY = 50;
    private static final int DELAY_EVERY = 100;
    private static final int DISCONNECT_EVERY = 1000;

    private final long target = Long.getLong("amp.soak.calls", 50_000);
    private final int connectionCount = Integer.getInteger("amp.soak.connections", 50);
    private final long seed = Long.getLong("amp.soak.seed", 20261122);

    private final AtomicLong successes = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong descriptorCalls = new AtomicLong();
    private final AtomicLong clientCloses = new AtomicLong();
    private final AtomicLong serverCloses = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong outstanding = new AtomicLong();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final Set<AmpConnection> serverConnections = ConcurrentHashMap.newKeySet();

    @TempDir
    Path dir;

    private Path socket;
    private ExecutorService coordinator;
    private ExecutorService later;

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void manyCallsWithRandomDisconnectsLeaveNothingBehind() throws Exception {
        socket = dir.resolve("soak.sock");
        warmUp();
        ProcessState before = ProcessState.withHeap();

        long start = System.nanoTime();
        coordinator = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "soak-coordinator"));
        later = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "soak-later"));
        List<Pump> pumps = new ArrayList<>();
        try (AmpServer server = AmpServer.serve(UnixListeningSocket.bind(socket), this::openServerConnection)) {
            for (int i = 0; i < connectionCount; i++) {
                Pump pump = new Pump(i, new Random(seed + i));
                pumps.add(pump);
                pump.connect();
            }
            awaitAllCalls();
            // No reconnect after this: the coordinator finishes what it started, and skips the rest.
            coordinator.shutdown();
            assertTrue(coordinator.awaitTermination(10, TimeUnit.SECONDS));
            for (Pump pump : pumps) {
                pump.close();
            }
        }
        later.shutdown();
        assertTrue(later.awaitTermination(10, TimeUnit.SECONDS));
        double seconds = (System.nanoTime() - start) / 1e9;

        // Wait for the closed connections' fds and threads to go, then report, then assert.
        Set<OpenDescriptor> fdsLeft = before.fds().leftOpenAfter(Duration.ofSeconds(5));
        List<Thread> threadsLeft = before.threads().leftRunningAfter(Duration.ofSeconds(5));
        long heapAfter = ProcessState.heapAfterGc();
        System.out.printf("soak: %d calls answered (%d with a descriptor), %d failed by %d client-side and %d"
                + " server-side disconnects, %d reconnects, over %d connections in %.1f s (%.0f calls/s)%n"
                + "soak: before %s%nsoak: after  %d new fds and %d new threads left, %d KiB heap after GC%n",
                successes.get(), descriptorCalls.get(), lost.get(), clientCloses.get(), serverCloses.get(),
                reconnects.get(), connectionCount, seconds, successes.get() / seconds, before,
                fdsLeft.size(), threadsLeft.size(), heapAfter / 1024);

        assertTrue(problems.isEmpty(), () -> problems.size() + " problems, the first: " + problems.subList(0, Math.min(5, problems.size())));
        assertTrue(successes.get() >= target);
        assertTrue(fdsLeft.isEmpty(), () -> "fds opened during the soak and still open: " + DescriptorSnapshot.describe(fdsLeft));
        assertTrue(threadsLeft.isEmpty(), () -> "threads started during the soak and still alive: " + ThreadSnapshot.describe(threadsLeft));
        long slack = Math.max(8L << 20, before.heapBytes() / 5);
        assertTrue(heapAfter <= before.heapBytes() + slack,
                () -> "heap after GC grew from " + before.heapBytes() + " to " + heapAfter + " bytes");
    }

    /** One round of everything before the baseline, so lazily started JDK threads and classes are in it. */
    private void warmUp() throws Exception {
        ExecutorService warm = Executors.newSingleThreadExecutor();
        Path warmSocket = dir.resolve("warm.sock");
        try (AmpServer server = Amp.listenUnix(warmSocket, () -> ReliabilityCommands.locator(warm, List.of()));
                AmpConnection client = Amp.connectUnix(warmSocket, ResponderLocator.NONE);
                Descriptor devNull = Descriptor.openForWriting(Path.of("/dev/null"))) {
            for (int i = 0; i < 2_000; i++) {
                Await.result(client.callRemote(ReliabilityCommands.SUM, new Operands(i, 1)));
            }
            Await.result(client.callRemote(ReliabilityCommands.PASS_FD, new PassFdArguments(devNull, new byte[] {1})));
            Await.result(client.callRemote(ReliabilityCommands.DELAY, 1L));
        } finally {
            warm.shutdown();
            warm.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private AmpConnection openServerConnection(io.ampjava.transport.Transport transport) {
        AmpConnection connection = AmpConnection.open(transport, ReliabilityCommands.locator(later, List.of()));
        serverConnections.add(connection);
        connection.closeFuture().whenComplete((ignored, failure) -> {
            serverConnections.remove(connection);
            Throwable cause = connection.closeCause();
            // The test closed it here, or the client hung up; anything else is a server fault.
            if (!isDisconnect(cause)) {
                problems.add("a server connection closed because of " + cause);
            }
        });
        return connection;
    }

    private void awaitAllCalls() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(25);
        while (successes.get() < target || outstanding.get() > 0) {
            if (System.nanoTime() > deadline || problems.size() > 100) {
                break;
            }
            if (successes.get() >= target) {
                stopping.set(true);
            }
            Thread.sleep(10);
        }
        stopping.set(true);
        assertEquals(0, outstanding.get(), "calls still outstanding at the end");
    }

    /**
     * Whether a connection closed because one side hung up: this side ({@code close()}), or the
     * other, seen as end of stream or as a write the kernel refused because the peer is gone.
     */
    /** Runs {@code task} on the coordinator, unless the run is over (then the coordinator is shut down). */
    private void coordinate(Runnable task) {
        try {
            coordinator.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException over) {
            if (!stopping.get()) {
                throw over;
            }
        }
    }

    private static boolean isDisconnect(Throwable cause) {
        if (cause instanceof EOFException) {
            return true;
        }
        String message = cause instanceof IOException ? String.valueOf(cause.getMessage()) : "";
        return message.endsWith("closed by this side") || message.contains("EPIPE") || message.contains("ECONNRESET");
    }

    /** One client connection slot: keeps its window of calls going and reconnects after a disconnect. */
    private final class Pump {
        private final int id;
        private final Random random;
        private final Descriptor devNull;
        private AmpConnection connection; // guarded by this

        Pump(int id, Random random) throws IOException {
            this.id = id;
            this.random = random;
            this.devNull = Descriptor.openForWriting(Path.of("/dev/null"));
        }

        void connect() throws IOException {
            AmpConnection fresh = Amp.connectUnix(socket, ResponderLocator.NONE);
            synchronized (this) {
                connection = fresh;
            }
            fresh.closeFuture().whenComplete((ignored, failure) -> closed(fresh));
            for (int i = 0; i < WINDOW; i++) {
                issue(fresh);
            }
        }

        void close() {
            AmpConnection last;
            synchronized (this) {
                last = connection;
            }
            last.close();
            devNull.close();
        }

        private void issue(AmpConnection on) {
            if (stopping.get() || successes.get() >= target) {
                stopping.set(true);
                return;
            }
            int kind;
            long a;
            synchronized (this) {
                kind = random.nextInt(DESCRIPTOR_EVERY * DELAY_EVERY);
                a = random.nextInt(1_000_000);
            }
            outstanding.incrementAndGet();
            CompletableFuture<Long> call;
            long expected;
            if (kind % DESCRIPTOR_EVERY == 0) {
                descriptorCalls.incrementAndGet();
                call = on.callRemote(ReliabilityCommands.PASS_FD, new PassFdArguments(devNull, new byte[] {1, 2, 3}));
                expected = 3;
            } else if (kind % DELAY_EVERY == 1) {
                expected = a % 3;
                call = on.callRemote(ReliabilityCommands.DELAY, expected);
            } else {
                expected = a + id;
                call = on.callRemote(ReliabilityCommands.SUM, new Operands(a, id));
            }
            call.whenComplete((answer, failure) -> completed(on, expected, answer, failure));
        }

        private void completed(AmpConnection on, long expected, Long answer, Throwable failure) {
            try {
                if (failure == null) {
                    if (answer != expected) {
                        problems.add("pump " + id + ": expected " + expected + ", got " + answer);
                    }
                    successes.incrementAndGet();
                    boolean disconnect;
                    synchronized (this) {
                        disconnect = random.nextInt(DISCONNECT_EVERY) == 0;
                    }
                    if (disconnect && !stopping.get()) {
                        coordinate(() -> {
                            if (!stopping.get()) {
                                disconnect(on);
                            }
                        });
                    }
                    issue(on);
                    return;
                }
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                if (cause instanceof ConnectionLostException) {
                    lost.incrementAndGet(); // checked in closed(): the connection must have been closed by the test
                } else {
                    problems.add("pump " + id + ": a call failed with " + cause);
                }
            } finally {
                outstanding.decrementAndGet();
            }
        }

        private void disconnect(AmpConnection on) {
            boolean clientSide;
            synchronized (this) {
                clientSide = random.nextBoolean();
            }
            if (clientSide) {
                if (on.isOpen()) {
                    clientCloses.incrementAndGet();
                    on.close();
                }
                return;
            }
            List<AmpConnection> open = new ArrayList<>(serverConnections);
            if (!open.isEmpty()) {
                int pick;
                synchronized (this) {
                    pick = random.nextInt(open.size());
                }
                if (open.get(pick).isOpen()) {
                    serverCloses.incrementAndGet();
                    open.get(pick).close();
                }
            }
        }

        private void closed(AmpConnection gone) {
            Throwable cause = gone.closeCause();
            if (!isDisconnect(cause)) {
                problems.add("pump " + id + ": the client connection closed because of " + cause);
            }
            if (stopping.get()) {
                return;
            }
            coordinate(() -> {
                if (stopping.get()) {
                    return;
                }
                try {
                    reconnects.incrementAndGet();
                    connect();
                } catch (IOException e) {
                    problems.add("pump " + id + ": cannot reconnect: " + e);
                }
            });
        }
    }
}
