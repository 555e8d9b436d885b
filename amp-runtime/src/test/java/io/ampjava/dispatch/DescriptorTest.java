package io.ampjava.dispatch;

import static io.ampjava.dispatch.TestCommands.GET_FDS;
import static io.ampjava.dispatch.TestCommands.SEND_FDS;
import static io.ampjava.wire.TestBoxes.box;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.internal.posix.NativePosix;
import io.ampjava.testing.Await;
import io.ampjava.testing.DescriptorSnapshot;
import io.ampjava.testing.WireBytes;
import io.ampjava.transport.InMemoryTransport;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.BadArgumentException;
import io.ampjava.types.BoxCodec;
import io.ampjava.types.Descriptor;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxEncoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Descriptor passing through the in-memory pair: ordinals, claim once, ownership, no leaks. */
@SuppressWarnings("try") // resources kept open for the test's duration
@Timeout(60)
class DescriptorTest {
    static void writeText(Descriptor descriptor, String text) throws IOException {
        descriptor.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads what is in a pipe whose write ends are all closed. */
    static String readAll(Descriptor descriptor) throws IOException {
        return new String(descriptor.readAll(), StandardCharsets.UTF_8);
    }

    static long inode(int fd) {
        return NativePosix.posix().fstat(fd).ino();
    }

    /** How long the connections' threads may take to close what they received, after the last call. */
    static final Duration CLOSING = Duration.ofSeconds(3);

    @Test
    void sendOrdinalsCount012AndEachFdArrivesBeforeItsBoxAsADuplicate() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        try (AmpConnection connection = AmpConnection.open(pair.left(), ResponderLocator.NONE);
                RawPeer peer = new RawPeer(pair.right());
                Descriptor.Pipe first = Descriptor.pipe();
                Descriptor.Pipe second = Descriptor.pipe()) {
            List<Descriptor> sent = List.of(first.readEnd(), first.writeEnd(), second.readEnd());
            connection.callRemote(SEND_FDS, sent);
            peer.expectBytes(WireBytes.box("_ask", "1", "_command", "SendFds", "fds", "0,1,2"));
            assertEquals(3, peer.fds.size(), "the fds arrived with (before) their box");
            for (Descriptor descriptor : sent) {
                int received = peer.fds.poll();
                assertTrue(received != descriptor.fd(), "the peer gets its own fd");
                assertEquals(inode(descriptor.fd()), inode(received));
                NativePosix.posix().close(received);
                assertTrue(descriptor.isOpen(), "the sender keeps its descriptor");
            }
            connection.callRemote(SEND_FDS, List.of(second.writeEnd()));
            assertEquals("3", peer.nextBox().getString("fds"));
            int received = peer.fds.poll(5, TimeUnit.SECONDS);
            assertEquals(inode(second.writeEnd().fd()), inode(received));
            NativePosix.posix().close(received);
        }
    }

    @Test
    void receivedFdsAreClaimedByOrdinalOnce() throws Exception {
        List<Long> inodes = new ArrayList<>();
        TestCommands.MapLocator locator = new TestCommands.MapLocator().with(SEND_FDS, (fds, connection) -> {
            for (Descriptor descriptor : fds) {
                inodes.add(inode(descriptor.fd()));
                descriptor.close();
            }
            return null;
        });
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        try (AmpConnection connection = AmpConnection.open(pair.left(), locator);
                RawPeer peer = new RawPeer(pair.right());
                Descriptor.Pipe pipe = Descriptor.pipe()) {
            // Ordinal 0 rides the first byte, ordinal 1 the second; the request claims them as 1 then 0.
            sendWithFds(peer, box("_command", "SendFds", "_ask", "1", "fds", "1,0"), pipe.readEnd(), pipe.writeEnd());
            peer.expectBytes(WireBytes.box("_answer", "1"));
            assertEquals(List.of(inode(pipe.writeEnd().fd()), inode(pipe.readEnd().fd())), inodes);
            assertEquals(0, ((DescriptorExchange) connection.argumentContext()).waiting());

            // Claiming ordinal 0 again is an unparsable argument: UNKNOWN, then the connection closes.
            peer.send(box("_command", "SendFds", "_ask", "2", "fds", "0"));
            peer.expectBytes(WireBytes.box("_error", "2", "_error_code", "UNKNOWN", "_error_description", "Unknown Error"));
            peer.expectClosedWithoutMore();
        }
    }

    @Test
    void fdsNobodyClaimsAreClosedWithTheConnection() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        AmpConnection connection = AmpConnection.open(pair.left(), TestCommands.calculator());
        RawPeer peer = new RawPeer(pair.right());
        // Warm up: the first request loads classes (and may open jars) before descriptors arrive.
        peer.send(box("_command", "Sum", "_ask", "1", "a", "1", "b", "1"));
        peer.nextBox();
        try (Descriptor.Pipe pipe = Descriptor.pipe()) {
            sendWithFds(peer, box("_command", "Sum", "_ask", "2", "a", "2", "b", "2"), pipe.readEnd(), pipe.writeEnd(),
                    pipe.readEnd());
        }
        peer.expectBytes(WireBytes.box("_answer", "2", "total", "4"));
        DescriptorExchange exchange = (DescriptorExchange) connection.argumentContext();
        assertEquals(3, exchange.waiting());
        // Other threads of this JVM may open or close files meanwhile: check these three fds, not a total.
        int[] unclaimed = exchange.waitingFds();
        for (int fd : unclaimed) {
            assertTrue(Files.exists(Path.of("/proc/self/fd/" + fd)), "fd " + fd + " is open while unclaimed");
        }
        connection.close();
        Await.result(connection.closeFuture());
        peer.close();
        for (int fd : unclaimed) {
            assertFalse(Files.exists(Path.of("/proc/self/fd/" + fd)), "fd " + fd + " is closed with the connection");
        }
    }

    @Test
    void tryClaimTakesAWaitingFdOnceAndOtherwiseAnswersEmpty() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        try (AmpConnection connection = AmpConnection.open(pair.left(), TestCommands.calculator());
                RawPeer peer = new RawPeer(pair.right());
                Descriptor.Pipe pipe = Descriptor.pipe()) {
            // Two fds ride a request that names neither: they wait under ordinals 0 and 1.
            sendWithFds(peer, box("_command", "Sum", "_ask", "1", "a", "1", "b", "1"), pipe.readEnd(), pipe.writeEnd());
            peer.expectBytes(WireBytes.box("_answer", "1", "total", "2"));
            ArgumentContext context = connection.argumentContext();

            assertEquals(Optional.empty(), context.tryClaimDescriptor(2), "never received");
            try (Descriptor second = context.tryClaimDescriptor(1).orElseThrow()) {
                assertEquals(inode(pipe.writeEnd().fd()), inode(second.fd()));
            }
            assertEquals(Optional.empty(), context.tryClaimDescriptor(1), "claimed already");
            try (Descriptor first = context.tryClaimDescriptor(0).orElseThrow()) {
                assertEquals(inode(pipe.readEnd().fd()), inode(first.fd()));
            }
            assertEquals(0, ((DescriptorExchange) context).waiting());
            assertThrows(BadArgumentException.class, () -> context.claimDescriptor(0),
                    "claimDescriptor still refuses what tryClaimDescriptor finds missing");
            assertEquals(Optional.empty(), ArgumentContext.NONE.tryClaimDescriptor(0));
        }
    }

    @Test
    void descriptorsTravelBothWaysBetweenTwoConnectionsWithoutLeaking() throws Exception {
        TestCommands.MapLocator locator = new TestCommands.MapLocator()
                .with(SEND_FDS, (fds, connection) -> {
                    for (Descriptor descriptor : fds) {
                        try (descriptor) {
                            writeText(descriptor, "hello");
                        }
                    }
                    return null;
                })
                .with(GET_FDS.name(), (request, connection) -> {
                    // Answers count read ends of fresh pipes that already hold "pipe i"; closes its own copies.
                    long count = TestCommands.readLong(request, "count");
                    List<Descriptor> reads = new ArrayList<>();
                    Box answer = new Box();
                    try {
                        for (int i = 0; i < count; i++) {
                            try (Descriptor.Pipe pipe = Descriptor.pipe()) {
                                writeText(pipe.writeEnd(), "pipe " + i);
                                reads.add(pipe.readEnd().duplicate());
                            }
                        }
                        GET_FDS.response().write(reads, answer, connection.argumentContext());
                    } finally {
                        reads.forEach(Descriptor::close);
                    }
                    return CompletableFuture.completedFuture(answer);
                });
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        try (AmpConnection server = AmpConnection.open(pair.right(), locator);
                AmpConnection client = AmpConnection.open(pair.left(), ResponderLocator.NONE)) {
            exchange(client, 0); // warm-up, then the snapshot
            DescriptorSnapshot before = DescriptorSnapshot.take();
            for (int round = 1; round <= 300; round++) {
                exchange(client, round);
            }
            before.assertNoNewDescriptors(CLOSING);
            assertEquals(0, ((DescriptorExchange) client.argumentContext()).waiting());
            assertEquals(0, ((DescriptorExchange) server.argumentContext()).waiting());
        }
    }

    private static void exchange(AmpConnection client, int round) throws Exception {
        int count = 1 + round % 3;
        List<Descriptor> reads = Await.result(client.callRemote(GET_FDS, (long) count));
        assertEquals(count, reads.size());
        for (int i = 0; i < count; i++) {
            try (Descriptor read = reads.get(i)) {
                assertEquals("pipe " + i, readAll(read));
            }
        }
        List<Descriptor.Pipe> pipes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pipes.add(Descriptor.pipe());
        }
        List<Descriptor> writes = new ArrayList<>();
        pipes.forEach(pipe -> writes.add(pipe.writeEnd()));
        Await.result(client.callRemote(SEND_FDS, writes));
        for (Descriptor.Pipe pipe : pipes) {
            pipe.writeEnd().close();
            assertEquals("hello", readAll(pipe.readEnd()));
            pipe.close();
        }
    }

    record Marked(List<Descriptor> fds, String marker) {}

    /** {@code Mark(fds, marker)}: the responder writes the marker into every fd it receives. */
    static final Command<Marked, Void> MARK = Command.builder("Mark", new BoxCodec<Marked>() {
        @Override
        public void write(Marked value, Box box, ArgumentContext context) {
            TestCommands.descriptors("fds").write(value.fds(), box, context);
            box.put("marker", value.marker());
        }

        @Override
        public Marked read(Box box, ArgumentContext context) {
            return new Marked(TestCommands.descriptors("fds").read(box, context), box.getString("marker"));
        }
    }, Command.EMPTY).build();

    @Test
    void concurrentSendersKeepOrdinalsInWireOrder() throws Exception {
        TestCommands.MapLocator locator = new TestCommands.MapLocator().with(MARK, (marked, connection) -> {
            for (Descriptor descriptor : marked.fds()) {
                try (descriptor) {
                    writeText(descriptor, marked.marker());
                }
            }
            return null;
        });
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (AmpConnection server = AmpConnection.open(pair.right(), locator);
                AmpConnection client = AmpConnection.open(pair.left(), ResponderLocator.NONE)) {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int id = thread;
                done.add(callers.submit(() -> {
                    for (int call = 0; call < 40; call++) {
                        String marker = id + "/" + call;
                        try (Descriptor.Pipe one = Descriptor.pipe(); Descriptor.Pipe two = Descriptor.pipe()) {
                            Await.result(client.callRemote(MARK, new Marked(List.of(one.writeEnd(), two.writeEnd()), marker)));
                            one.writeEnd().close();
                            two.writeEnd().close();
                            assertEquals(marker, readAll(one.readEnd()));
                            assertEquals(marker, readAll(two.readEnd()));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                Await.result(future, Duration.ofSeconds(30));
            }
        } finally {
            callers.shutdownNow();
        }
    }

    /** Writes {@code request} with each fd riding one of its first bytes, then the rest. */
    private static void sendWithFds(RawPeer peer, Box request, Descriptor... fds) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(BoxEncoder.encode(request));
        for (Descriptor fd : fds) {
            ByteBuffer one = bytes.duplicate();
            one.limit(one.position() + 1);
            peer.transport.writeWithDescriptor(one, fd.fd());
            bytes.position(bytes.position() + 1);
        }
        peer.transport.write(new ByteBuffer[] {bytes});
    }
}
