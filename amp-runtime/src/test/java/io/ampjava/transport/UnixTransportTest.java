package io.ampjava.transport;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.internal.posix.NativePosix;
import io.ampjava.testing.Await;
import io.ampjava.testing.DescriptorSnapshot;
import io.ampjava.testing.OpenDescriptor;
import io.ampjava.transport.unix.UnixListeningSocket;
import io.ampjava.transport.unix.UnixTransport;
import io.ampjava.types.Descriptor;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real Unix socket (listen, accept, connect), with descriptors crossing it in both directions. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class UnixTransportTest {
    @TempDir
    Path dir;

    private UnixListeningSocket listening;
    private UnixTransport client;
    private UnixTransport server;

    @BeforeEach
    void connect() throws IOException {
        listening = UnixListeningSocket.bind(dir.resolve("amp.sock"));
        client = UnixTransport.connect(dir.resolve("amp.sock"));
        server = listening.accept();
    }

    @AfterEach
    void close() throws IOException {
        client.close();
        server.close();
        listening.close();
    }

    @Test
    void describesItselfByPathAndTheServerSideNamesItsPeer() {
        assertEquals("unix:" + dir.resolve("amp.sock"), client.describe());
        assertEquals("unix:" + dir.resolve("amp.sock") + " (peer pid " + ProcessHandle.current().pid() + ", uid "
                + NativePosix.posix().geteuid() + ")", server.describe());
        assertTrue(client.canPassDescriptors());
    }

    @Test
    void bytesCrossBothWaysIntoHeapAndDirectBuffers() throws IOException {
        byte[] big = new byte[300_000]; // several staging buffers' worth, and more than a socket buffer
        new Random(7).nextBytes(big);
        CompletableFuture<ReceivedStream> atServer = readAsync(server, big.length, ByteBuffer.allocate(10_000));
        client.write(new ByteBuffer[] {ByteBuffer.wrap(big, 0, 1000), ByteBuffer.allocate(0), ByteBuffer.wrap(big, 1000, big.length - 1000)});
        assertArrayEquals(big, atServer.join().bytes());

        CompletableFuture<ReceivedStream> atClient = readAsync(client, big.length, ByteBuffer.allocateDirect(100_000));
        ByteBuffer direct = ByteBuffer.allocateDirect(big.length).put(big).flip();
        server.write(new ByteBuffer[] {direct});
        assertEquals(0, direct.remaining(), "write consumes its buffers");
        assertArrayEquals(big, atClient.join().bytes());
    }

    @Test
    void pipeEndsCrossBothWaysAndStillWork() throws Exception {
        passPipeAndUseIt(client, server);
        passPipeAndUseIt(server, client);
    }

    private static void passPipeAndUseIt(Transport from, Transport to) throws Exception {
        try (Descriptor.Pipe pipe = Descriptor.pipe()) {
            from.writeWithDescriptor(ByteBuffer.wrap(new byte[] {'x'}), pipe.writeEnd().fd());
            pipe.writeEnd().close(); // the receiver holds its own copy now
            ReceivedStream received = ReceivedStream.read(to, 1, ByteBuffer.allocate(16));
            assertEquals("x", new String(received.bytes(), US_ASCII));
            assertEquals(1, received.descriptors.size());
            try (Descriptor writeEnd = Descriptor.adopt(received.descriptors.get(0).fd())) {
                writeEnd.write("through the passed pipe".getBytes(US_ASCII));
            }
            assertEquals("through the passed pipe", new String(pipe.readEnd().readAll(), US_ASCII));
        }
    }

    @Test
    void fileDescriptorsCrossBothWaysAndReadTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("data.txt"), "file content\n");
        for (Transport[] direction : new Transport[][] {{client, server}, {server, client}}) {
            try (Descriptor readable = Descriptor.openForReading(file)) {
                direction[0].writeWithDescriptor(ByteBuffer.wrap(new byte[] {'f'}), readable.fd());
            }
            ReceivedStream received = ReceivedStream.read(direction[1], 1, ByteBuffer.allocateDirect(16));
            try (Descriptor got = Descriptor.adopt(received.descriptors.get(0).fd())) {
                assertEquals("file content\n", new String(got.readAll(), US_ASCII));
            }
        }
    }

    @Test
    void descriptorsInterleavedWithDataArriveInOrderBeforeTheirByte() throws Exception {
        for (Transport[] direction : new Transport[][] {{client, server}, {server, client}}) {
            interleave(direction[0], direction[1]);
        }
    }

    /**
     * Writes "<data> <byte+fd> <data> <byte+fd> ..." and checks that the reader gets every fd once,
     * in order, no later than the byte it rode with, and that each is the pipe it should be.
     */
    private static void interleave(Transport from, Transport to) throws Exception {
        int count = 12;
        int total = 0;
        for (int i = 0; i < count; i++) {
            total += i % 3 + 1 + 2;
        }
        List<Descriptor.Pipe> pipes = new ArrayList<>();
        List<Integer> carrierOffsets = new ArrayList<>();
        int offset = 0;
        try {
            CompletableFuture<ReceivedStream> reading = readAsync(to, total, ByteBuffer.allocate(5));
            for (int i = 0; i < count; i++) {
                byte[] data = {'d', 'a', 't'};
                from.write(new ByteBuffer[] {ByteBuffer.wrap(data, 0, i % 3 + 1)});
                offset += i % 3 + 1;
                Descriptor.Pipe pipe = Descriptor.pipe();
                pipes.add(pipe);
                // The carrier byte is the first of a longer buffer: exactly one byte goes with the fd.
                ByteBuffer carrier = ByteBuffer.wrap(new byte[] {(byte) ('A' + i), '-'});
                from.writeWithDescriptor(carrier, pipe.writeEnd().fd());
                assertEquals(1, carrier.position());
                from.write(new ByteBuffer[] {carrier});
                carrierOffsets.add(offset);
                offset += 2;
                pipe.writeEnd().close();
            }
            ReceivedStream received = Await.result(reading);
            assertEquals(count, received.descriptors.size());
            for (int i = 0; i < count; i++) {
                ReceivedStream.Arrival arrival = received.descriptors.get(i);
                assertTrue(arrival.bytesBefore() <= carrierOffsets.get(i),
                        "fd " + i + " arrived after its byte: " + arrival + " vs offset " + carrierOffsets.get(i));
                try (Descriptor writeEnd = Descriptor.adopt(arrival.fd())) {
                    writeEnd.write(new byte[] {(byte) i});
                }
                assertArrayEquals(new byte[] {(byte) i}, pipes.get(i).readEnd().readAll(), "fd " + i + " is pipe " + i);
            }
        } finally {
            pipes.forEach(Descriptor.Pipe::close);
        }
    }

    @Test
    void aThousandPassedDescriptorsLeaveNothingOpen() throws Exception {
        passPipeAndUseIt(client, server); // loads everything lazily loaded before counting
        DescriptorSnapshot before = DescriptorSnapshot.take();
        ByteBuffer buffer = ByteBuffer.allocate(64);
        for (int i = 0; i < 1_000; i++) {
            Transport from = i % 2 == 0 ? client : server;
            Transport to = i % 2 == 0 ? server : client;
            try (Descriptor.Pipe pipe = Descriptor.pipe()) {
                from.writeWithDescriptor(ByteBuffer.wrap(new byte[] {1}), pipe.writeEnd().fd());
                ReceivedStream received = ReceivedStream.read(to, 1, buffer);
                assertEquals(1, received.descriptors.size());
                Descriptor.adopt(received.descriptors.get(0).fd()).close();
            }
        }
        before.assertNoNewDescriptors(); // every received copy was closed
    }

    @Test
    void descriptorsThatTheReaderRefusesAreClosed() throws Exception {
        DescriptorSnapshot before = DescriptorSnapshot.take();
        try (Descriptor.Pipe pipe = Descriptor.pipe()) {
            client.writeWithDescriptor(ByteBuffer.wrap(new byte[] {1}), pipe.writeEnd().fd());
            pipe.writeEnd().close();
            ByteBuffer buffer = ByteBuffer.allocate(8);
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> server.read(buffer, fd -> {
                        throw new IllegalStateException("no room");
                    }));
            assertEquals("no room", refused.getMessage());
            // The refused fd was closed: the pipe has no writer left, so its reader sees end of file.
            assertEquals(0, pipe.readEnd().readAll().length);
        }
        before.assertNoNewDescriptors(); // the refused copy was closed
    }

    @Test
    void closeWakesABlockedReadWithinASecond() throws Exception {
        CompletableFuture<Integer> reading = CompletableFuture.supplyAsync(() -> {
            try {
                return server.read(ByteBuffer.allocate(16), fd -> {});
            } catch (IOException e) {
                return -2;
            }
        }, NewThread.EACH_TASK);
        Thread.sleep(200); // let it block in recvmsg
        long start = System.nanoTime();
        server.close();
        int result = Await.result(reading, Duration.ofSeconds(1));
        assertTrue(result == -1 || result == -2, "read ended with " + result);
        assertTrue(System.nanoTime() - start < 1_000_000_000L);
        assertThrows(ClosedChannelException.class, () -> server.read(ByteBuffer.allocate(1), fd -> {}));
    }

    @Test
    void closeWakesAWriteBlockedOnAPeerThatDoesNotRead() throws Exception {
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            try {
                client.write(new ByteBuffer[] {ByteBuffer.allocate(32 * 1024 * 1024)});
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, NewThread.EACH_TASK);
        Thread.sleep(300); // the socket buffers fill up; the writer blocks
        client.close();
        Throwable failed = Await.failure(writing, Duration.ofSeconds(1));
        assertTrue(failed instanceof java.io.UncheckedIOException, failed.toString());
    }

    @Test
    void closeIsIdempotentAndLaterCallsFail() throws IOException {
        client.close();
        client.close();
        assertTrue(client.isClosed());
        assertThrows(ClosedChannelException.class, () -> client.write(new ByteBuffer[] {ByteBuffer.allocate(1)}));
        assertThrows(ClosedChannelException.class, () -> client.writeWithDescriptor(ByteBuffer.allocate(1), 0));
        assertThrows(ClosedChannelException.class, client::shutdownOutput);
        // The peer sees end of stream.
        assertEquals(-1, server.read(ByteBuffer.allocate(4), fd -> {}));
    }

    @Test
    void closingReleasesTheSocket() throws Exception {
        // A second connection of its own, so that the test knows its two sockets by identity.
        DescriptorSnapshot before = DescriptorSnapshot.take();
        UnixTransport connecting = UnixTransport.connect(dir.resolve("amp.sock"));
        UnixTransport accepted = listening.accept();
        Set<OpenDescriptor> sockets = before.awaitOpenedSince(2, OpenDescriptor::isSocket, Duration.ZERO);
        assertEquals(2, sockets.size(), () -> "the two ends, not " + DescriptorSnapshot.describe(sockets));
        connecting.close();
        accepted.close();
        DescriptorSnapshot.assertClosed(sockets, Duration.ofSeconds(1));
    }

    @Test
    void shutdownOutputGivesThePeerEndOfStreamAndKeepsReading() throws IOException {
        client.shutdownOutput();
        client.shutdownOutput();
        assertEquals(-1, server.read(ByteBuffer.allocate(4), fd -> {}));
        server.write(new ByteBuffer[] {ByteBuffer.wrap("back".getBytes(US_ASCII))});
        assertEquals("back", new String(ReceivedStream.read(client, 4, ByteBuffer.allocate(4)).bytes(), US_ASCII));
    }

    @Test
    void writingToAVanishedPeerFailsWithoutKillingTheProcess() throws IOException {
        server.close();
        IOException failed = assertThrows(IOException.class, () -> {
            for (int i = 0; i < 100; i++) {
                client.write(new ByteBuffer[] {ByteBuffer.allocate(4096)});
            }
        });
        assertTrue(failed.getMessage().contains("EPIPE") || failed.getMessage().contains("ECONNRESET"), failed.getMessage());
    }

    @Test
    void aSocketPairWorksLikeAConnection() throws Exception {
        UnixTransport[] pair = UnixTransport.pair();
        try {
            passPipeAndUseIt(pair[0], pair[1]);
            pair[1].write(new ByteBuffer[] {ByteBuffer.wrap("ok".getBytes(US_ASCII))});
            assertEquals("ok", new String(ReceivedStream.read(pair[0], 2, ByteBuffer.allocate(2)).bytes(), US_ASCII));
        } finally {
            pair[0].close();
            pair[1].close();
        }
    }

    @Test
    void connectingWhereNobodyListensFailsWithTheJdksExceptions() throws IOException {
        Path missing = dir.resolve("nobody.sock");
        NoSuchFileException none = assertThrows(NoSuchFileException.class, () -> UnixTransport.connect(missing));
        assertEquals(missing + ": cannot connect to unix:" + missing
                + ": no such file (is the server running, and is this its socket path?)", none.getMessage());
        Path stale = Files.createFile(dir.resolve("stale.sock"));
        ConnectException refused = assertThrows(ConnectException.class, () -> UnixTransport.connect(stale));
        assertEquals("cannot connect to unix:" + stale + ": connection refused (nobody listens there: a stale socket"
                + " file, or not a socket)", refused.getMessage());
    }

    private static CompletableFuture<ReceivedStream> readAsync(Transport transport, int count, ByteBuffer buffer) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return ReceivedStream.read(transport, count, buffer);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, NewThread.EACH_TASK);
    }
}
