package io.ampjava.dispatch;

import static io.ampjava.dispatch.RawPeer.box;
import static io.ampjava.dispatch.TestCommands.GET_FDS;
import static io.ampjava.dispatch.TestCommands.SEND_FDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.transport.InMemoryTransport;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.BoxCodec;
import io.ampjava.types.Descriptor;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxEncoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Descriptor passing through the in-memory pair: ordinals, claim once, ownership, no leaks. */
@Timeout(60)
class DescriptorTest {
    private static final POSIX POSIX = POSIXFactory.getNativePOSIX();

    /** A pipe: {@code read} and {@code write} ends, each owned by its Descriptor. */
    record Pipe(Descriptor read, Descriptor write) implements AutoCloseable {
        static Pipe open() {
            int[] fds = new int[2];
            assertEquals(0, POSIX.pipe(fds), "pipe()");
            return new Pipe(Descriptor.adopt(fds[0]), Descriptor.adopt(fds[1]));
        }

        @Override
        public void close() {
            read.close();
            write.close();
        }
    }

    static void writeText(Descriptor descriptor, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(bytes.length, POSIX.write(descriptor.fd(), bytes, bytes.length));
    }

    /** Reads what is in a pipe whose write ends are all closed. */
    static String readAll(Descriptor descriptor) {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[256];
        int n;
        while ((n = POSIX.read(descriptor.fd(), buffer, buffer.length)) > 0) {
            text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    static long inode(int fd) {
        return POSIX.fstat(fd).ino();
    }

    static long openFds() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    /** Waits (briefly) for the fd count to come back down to {@code baseline}. */
    static void expectFdCount(long baseline) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        long count = openFds();
        while (count > baseline && System.nanoTime() < deadline) {
            Thread.sleep(10);
            count = openFds();
        }
        assertEquals(baseline, count, "open fds");
    }

    @Test
    void sendOrdinalsCount012AndEachFdArrivesBeforeItsBoxAsADuplicate() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        try (AmpConnection connection = AmpConnection.open(pair.left(), ResponderLocator.NONE);
                RawPeer peer = new RawPeer(pair.right());
                Pipe first = Pipe.open();
                Pipe second = Pipe.open()) {
            List<Descriptor> sent = List.of(first.read(), first.write(), second.read());
            connection.callRemote(SEND_FDS, sent);
            peer.expectBytes(Wire.box("_ask", "1", "_command", "SendFds", "fds", "0,1,2"));
            assertEquals(3, peer.fds.size(), "the fds arrived with (before) their box");
            for (Descriptor descriptor : sent) {
                int received = peer.fds.poll();
                assertTrue(received != descriptor.fd(), "the peer gets its own fd");
                assertEquals(inode(descriptor.fd()), inode(received));
                NativeFds.close(received);
                assertTrue(descriptor.isOpen(), "the sender keeps its descriptor");
            }
            connection.callRemote(SEND_FDS, List.of(second.write()));
            assertEquals("3", peer.nextBox().getString("fds"));
            int received = peer.fds.poll(5, TimeUnit.SECONDS);
            assertEquals(inode(second.write().fd()), inode(received));
            NativeFds.close(received);
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
                Pipe pipe = Pipe.open()) {
            // Ordinal 0 rides the first byte, ordinal 1 the second; the request claims them as 1 then 0.
            sendWithFds(peer, box("_command", "SendFds", "_ask", "1", "fds", "1,0"), pipe.read(), pipe.write());
            peer.expectBytes(Wire.box("_answer", "1"));
            assertEquals(List.of(inode(pipe.write().fd()), inode(pipe.read().fd())), inodes);
            assertEquals(0, ((DescriptorExchange) connection.argumentContext()).waiting());

            // Claiming ordinal 0 again is an unparsable argument: UNKNOWN, then the connection closes.
            peer.send(box("_command", "SendFds", "_ask", "2", "fds", "0"));
            peer.expectBytes(Wire.box("_error", "2", "_error_code", "UNKNOWN", "_error_description", "Unknown Error"));
            peer.expectClosedWithoutMore();
        }
    }

    @Test
    void fdsNobodyClaimsAreClosedWithTheConnection() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        AmpConnection connection = AmpConnection.open(pair.left(), TestCommands.calculator());
        RawPeer peer = new RawPeer(pair.right());
        // Warm up: the first request loads classes (and may open jars) before the count is taken.
        peer.send(box("_command", "Sum", "_ask", "1", "a", "1", "b", "1"));
        peer.nextBox();
        long baseline = openFds();
        try (Pipe pipe = Pipe.open()) {
            sendWithFds(peer, box("_command", "Sum", "_ask", "2", "a", "2", "b", "2"), pipe.read(), pipe.write(),
                    pipe.read());
        }
        peer.expectBytes(Wire.box("_answer", "2", "total", "4"));
        assertEquals(3, ((DescriptorExchange) connection.argumentContext()).waiting());
        assertEquals(baseline + 3, openFds());
        connection.close();
        connection.closeFuture().get(5, TimeUnit.SECONDS);
        peer.close();
        expectFdCount(baseline);
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
                            try (Pipe pipe = Pipe.open()) {
                                writeText(pipe.write(), "pipe " + i);
                                reads.add(Descriptor.adopt(NativeFds.duplicate(pipe.read().fd())));
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
            exchange(client, 0); // warm-up, then count
            long baseline = openFds();
            for (int round = 1; round <= 300; round++) {
                exchange(client, round);
            }
            expectFdCount(baseline);
            assertEquals(0, ((DescriptorExchange) client.argumentContext()).waiting());
            assertEquals(0, ((DescriptorExchange) server.argumentContext()).waiting());
        }
    }

    private static void exchange(AmpConnection client, int round) throws Exception {
        int count = 1 + round % 3;
        List<Descriptor> reads = client.callRemote(GET_FDS, (long) count).get(5, TimeUnit.SECONDS);
        assertEquals(count, reads.size());
        for (int i = 0; i < count; i++) {
            try (Descriptor read = reads.get(i)) {
                assertEquals("pipe " + i, readAll(read));
            }
        }
        List<Pipe> pipes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pipes.add(Pipe.open());
        }
        List<Descriptor> writes = new ArrayList<>();
        pipes.forEach(pipe -> writes.add(pipe.write()));
        client.callRemote(SEND_FDS, writes).get(5, TimeUnit.SECONDS);
        for (Pipe pipe : pipes) {
            pipe.write().close();
            assertEquals("hello", readAll(pipe.read()));
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
                        try (Pipe one = Pipe.open(); Pipe two = Pipe.open()) {
                            client.callRemote(MARK, new Marked(List.of(one.write(), two.write()), marker))
                                    .get(5, TimeUnit.SECONDS);
                            one.write().close();
                            two.write().close();
                            assertEquals(marker, readAll(one.read()));
                            assertEquals(marker, readAll(two.read()));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
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
