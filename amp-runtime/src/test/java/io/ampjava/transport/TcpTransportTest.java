package io.ampjava.transport;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.testing.Await;
import io.ampjava.transport.tcp.TcpListeningSocket;
import io.ampjava.transport.tcp.TcpTransport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TcpTransportTest {
    private TcpListeningSocket listening;
    private TcpTransport client;
    private TcpTransport server;

    @BeforeEach
    void connect() throws IOException {
        listening = TcpListeningSocket.bind("127.0.0.1", 0);
        client = TcpTransport.connect("127.0.0.1", listening.port());
        server = listening.accept();
    }

    @AfterEach
    void close() throws IOException {
        client.close();
        server.close();
        listening.close();
    }

    @Test
    void portZeroPicksAPortAndTheAddressSaysWhich() {
        assertTrue(listening.port() > 0);
        assertEquals("tcp:127.0.0.1:" + listening.port(), listening.address());
        assertEquals("tcp:127.0.0.1:" + listening.port(), client.describe());
        assertFalse(client.canPassDescriptors());
    }

    @Test
    void bytesRoundTripWithGatheringWrites() throws Exception {
        byte[] big = new byte[500_000];
        new Random(11).nextBytes(big);
        CompletableFuture<ReceivedStream> atServer = CompletableFuture.supplyAsync(() -> read(server, big.length), NewThread.EACH_TASK);
        ByteBuffer[] pieces = {ByteBuffer.wrap(big, 0, 3), ByteBuffer.allocate(0), ByteBuffer.wrap(big, 3, 200_000),
            ByteBuffer.allocateDirect(big.length - 200_003).put(big, 200_003, big.length - 200_003).flip()};
        client.write(pieces);
        for (ByteBuffer piece : pieces) {
            assertEquals(0, piece.remaining());
        }
        assertArrayEquals(big, Await.result(atServer).bytes());

        server.write(new ByteBuffer[] {ByteBuffer.wrap("answer".getBytes(US_ASCII))});
        assertEquals("answer", new String(read(client, 6).bytes(), US_ASCII));
    }

    @Test
    @SuppressWarnings("try") // the accepted end only needs closing
    void tcpNoDelayIsOn() throws IOException {
        java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open(
                new java.net.InetSocketAddress("127.0.0.1", listening.port()));
        try (TcpTransport transport = new TcpTransport(channel); TcpTransport ignored = listening.accept()) {
            assertTrue(channel.getOption(java.net.StandardSocketOptions.TCP_NODELAY));
            assertEquals(client.describe(), transport.describe());
        }
    }

    @Test
    void descriptorsAreRefusedClearly() {
        UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
                () -> client.writeWithDescriptor(ByteBuffer.allocate(1), 0));
        assertTrue(refused.getMessage().contains("cannot carry file descriptors"), refused.getMessage());
    }

    @Test
    void closeWakesABlockedReadWithinASecond() throws Exception {
        CompletableFuture<Integer> reading = CompletableFuture.supplyAsync(() -> {
            try {
                return server.read(ByteBuffer.allocate(8), fd -> {});
            } catch (IOException e) {
                return -2;
            }
        }, NewThread.EACH_TASK);
        Thread.sleep(200);
        server.close();
        int result = Await.result(reading, Duration.ofSeconds(1));
        assertTrue(result == -1 || result == -2, "read ended with " + result);
    }

    @Test
    void shutdownOutputAndCloseAreIdempotent() throws IOException {
        client.shutdownOutput();
        client.shutdownOutput();
        assertEquals(-1, server.read(ByteBuffer.allocate(4), fd -> {}));
        client.close();
        client.close();
        client.shutdownOutput();
        assertThrows(ClosedChannelException.class, () -> client.read(ByteBuffer.allocate(1), fd -> {}));
    }

    @Test
    void closeWakesABlockedAccept() throws Exception {
        CompletableFuture<Transport> accepting = CompletableFuture.supplyAsync(() -> {
            try {
                return listening.accept();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, NewThread.EACH_TASK);
        Thread.sleep(200);
        listening.close();
        Throwable failed = Await.failure(accepting, Duration.ofSeconds(1));
        assertTrue(failed.getCause() instanceof ClosedChannelException, failed.toString());
    }

    @Test
    void connectingWhereNobodyListensFailsClearly() throws IOException {
        int port;
        try (TcpListeningSocket closed = TcpListeningSocket.bind("127.0.0.1", 0)) {
            port = closed.port();
        }
        IOException failed = assertThrows(IOException.class, () -> TcpTransport.connect("127.0.0.1", port));
        assertTrue(failed.getMessage().startsWith("cannot connect to tcp:127.0.0.1:" + port), failed.getMessage());
    }

    private static ReceivedStream read(Transport transport, int count) {
        try {
            return ReceivedStream.read(transport, count, ByteBuffer.allocate(8192));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
