package io.ampjava.transport;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.testing.Await;
import io.ampjava.testing.DescriptorSnapshot;
import io.ampjava.transport.pipe.PipeTransport;
import io.ampjava.types.Descriptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two real OS pipes, one per direction, as trial's manager and worker use them. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PipeTransportTest {

    /** Two transports wired crosswise over two fresh pipes. */
    private static PipeTransport[] connectedPair() throws IOException {
        Descriptor.Pipe aToB = Descriptor.pipe();
        Descriptor.Pipe bToA = Descriptor.pipe();
        return new PipeTransport[] {
            PipeTransport.of(bToA.readEnd(), aToB.writeEnd()), PipeTransport.of(aToB.readEnd(), bToA.writeEnd())
        };
    }

    @Test
    void bytesRoundTripAndEndOfStreamEndsReads() throws Exception {
        PipeTransport[] pair = connectedPair();
        try {
            byte[] big = new byte[200_000]; // more than a pipe holds: the writer must wait for the reader
            new Random(5).nextBytes(big);
            CompletableFuture<ReceivedStream> atB = CompletableFuture.supplyAsync(() -> read(pair[1], big.length), NewThread.EACH_TASK);
            pair[0].write(new ByteBuffer[] {ByteBuffer.wrap(big, 0, 10), ByteBuffer.wrap(big, 10, big.length - 10)});
            assertArrayEquals(big, Await.result(atB).bytes());

            pair[1].write(new ByteBuffer[] {ByteBuffer.wrap("back".getBytes(US_ASCII))});
            pair[1].shutdownOutput();
            assertEquals("back", new String(read(pair[0], 4).bytes(), US_ASCII));
            assertEquals(-1, pair[0].read(ByteBuffer.allocate(4), fd -> {}));
            assertEquals(-1, pair[0].read(ByteBuffer.allocate(4), fd -> {}), "end of stream stays");
        } finally {
            pair[0].close();
            pair[1].close();
        }
    }

    @Test
    void inheritedTakesTheDescriptorNumbersAndReleasesEverythingOnClose() throws Exception {
        PipeTransport[] warmUp = connectedPair();
        warmUp[0].close();
        warmUp[1].close();
        DescriptorSnapshot before = DescriptorSnapshot.take();
        Descriptor.Pipe toWorker = Descriptor.pipe();
        Descriptor.Pipe fromWorker = Descriptor.pipe();
        int in = toWorker.readEnd().release();
        int out = fromWorker.writeEnd().release();
        PipeTransport worker = PipeTransport.inherited(in, out);
        assertEquals("pipe:" + in + ">" + out, worker.describe());
        assertFalse(worker.canPassDescriptors());
        toWorker.writeEnd().write("ping".getBytes(US_ASCII));
        assertEquals("ping", new String(read(worker, 4).bytes(), US_ASCII));
        worker.write(new ByteBuffer[] {ByteBuffer.wrap("pong".getBytes(US_ASCII))});
        assertEquals("pong", new String(fromWorker.readEnd().read(4), US_ASCII));
        worker.close();
        worker.close();
        // The worker's end is closed, so its reader sees end of file; the manager's write fails.
        assertEquals(0, fromWorker.readEnd().readAll().length);
        assertThrows(IOException.class, () -> toWorker.writeEnd().write(new byte[1]));
        toWorker.close();
        fromWorker.close();
        before.assertNoNewDescriptors();
    }

    @Test
    void closeWakesABlockedReadWithinASecond() throws Exception {
        PipeTransport[] pair = connectedPair();
        try {
            CompletableFuture<Integer> reading = CompletableFuture.supplyAsync(() -> {
                try {
                    return pair[0].read(ByteBuffer.allocate(8), fd -> {});
                } catch (IOException e) {
                    return -2;
                }
            }, NewThread.EACH_TASK);
            Thread.sleep(200);
            long start = System.nanoTime();
            pair[0].close();
            int result = Await.result(reading, Duration.ofSeconds(1));
            assertTrue(result == -1 || result == -2, "read ended with " + result);
            assertTrue(System.nanoTime() - start < 1_000_000_000L);
        } finally {
            pair[0].close();
            pair[1].close();
        }
    }

    @Test
    void closeWakesAWriteBlockedOnAFullPipe() throws Exception {
        PipeTransport[] pair = connectedPair();
        try {
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    pair[0].write(new ByteBuffer[] {ByteBuffer.allocate(4 * 1024 * 1024)});
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, NewThread.EACH_TASK);
            Thread.sleep(200);
            pair[0].close();
            Await.failure(writing, Duration.ofSeconds(1));
        } finally {
            pair[1].close();
        }
    }

    @Test
    @SuppressWarnings("try") // the socket pair's second end only needs closing
    void aSocketOrAClosedNumberIsRefusedClearly() throws IOException {
        try (Descriptor.Pipe pipe = Descriptor.pipe()) {
            int neverOpen = 900_000; // far above any fd this test process holds
            IOException refused = assertThrows(IOException.class, () -> PipeTransport.inherited(pipe.readEnd().fd(), neverOpen));
            assertTrue(refused.getMessage().contains("fd " + neverOpen + " is not open"), refused.getMessage());
            assertTrue(pipe.readEnd().isOpen(), "nothing is taken when it fails");

            int[] socketPair = new int[2];
            assertEquals(0, io.ampjava.internal.posix.NativePosix.posix().socketpair(1 /* AF_UNIX */, 1 /* SOCK_STREAM */, 0, socketPair));
            try (Descriptor a = Descriptor.adopt(socketPair[0]); Descriptor b = Descriptor.adopt(socketPair[1])) {
                IOException socket = assertThrows(IOException.class, () -> PipeTransport.inherited(pipe.readEnd().fd(), a.fd()));
                assertTrue(socket.getMessage().contains("fd " + a.fd() + " is not a pipe but a socket"), socket.getMessage());
            }
        }
    }

    @Test
    void aRegularFileIsRefusedAndLeftOpen(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory) throws IOException {
        // A worker started by hand has other files at fds 3 and 4 (often the JVM's own): never take them.
        java.nio.file.Path file = java.nio.file.Files.writeString(directory.resolve("not-a-pipe"), "x");
        try (Descriptor.Pipe pipe = Descriptor.pipe(); Descriptor regular = Descriptor.openForReading(file)) {
            IOException refused = assertThrows(IOException.class, () -> PipeTransport.inherited(regular.fd(), pipe.writeEnd().fd()));
            assertTrue(refused.getMessage().contains("fd " + regular.fd() + " is not a pipe"), refused.getMessage());
            assertEquals(1, regular.read(1).length, "the file is still open and unread");
        }
    }

    @Test
    void streamsTalkToAChildProcess() throws Exception {
        Process cat = new ProcessBuilder("cat").start();
        PipeTransport transport = PipeTransport.streams(cat.getInputStream(), cat.getOutputStream());
        try {
            assertEquals("pipe:streams", transport.describe());
            transport.write(new ByteBuffer[] {ByteBuffer.wrap("echo ".getBytes(US_ASCII)), ByteBuffer.allocateDirect(4).put("me!\n".getBytes(US_ASCII)).flip()});
            assertEquals("echo me!\n", new String(read(transport, 9).bytes(), US_ASCII));
            transport.shutdownOutput(); // cat sees end of input and exits
            assertEquals(-1, transport.read(ByteBuffer.allocate(4), fd -> {}));
            assertTrue(cat.waitFor(5, TimeUnit.SECONDS));
        } finally {
            transport.close();
            transport.close();
            cat.destroyForcibly();
        }
    }

    @Test
    void aChildJavaProcessTakesOverItsStandardStreams() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                StdioEchoChild.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        PipeTransport transport = PipeTransport.streams(child.getInputStream(), child.getOutputStream());
        try {
            transport.write(new ByteBuffer[] {ByteBuffer.wrap("over stdio".getBytes(US_ASCII))});
            assertEquals("over stdio", new String(read(transport, 10).bytes(), US_ASCII));
            transport.shutdownOutput();
            // The child's later System.out output went to /dev/null, not into the AMP stream.
            assertEquals(-1, transport.read(ByteBuffer.allocate(64), fd -> {}));
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            assertEquals(0, child.exitValue());
        } finally {
            transport.close();
            child.destroyForcibly();
        }
    }

    private static ReceivedStream read(Transport transport, int count) {
        try {
            return ReceivedStream.read(transport, count, ByteBuffer.allocate(8192));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
