package io.ampjava.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.ampjava.testing.Await;
import io.ampjava.transport.pipe.PipeTransport;
import io.ampjava.transport.tcp.TcpListeningSocket;
import io.ampjava.transport.unix.UnixTransport;
import io.ampjava.types.Descriptor;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Transport#writeFrames} writes every frame whole and in order on each transport that
 * overrides it, with frames empty, tiny and larger than the transports' staging buffers, and the
 * frames themselves untouched.
 */
@Timeout(30)
class WriteFramesTest {
    private static final int[] SIZES = {0, 1, 3, 70_000, 5, 32 * 1024, 0, 65_535, 2, 140_000, 7};

    private static byte[][] frames() {
        Random random = new Random(42);
        byte[][] frames = new byte[SIZES.length][];
        for (int i = 0; i < SIZES.length; i++) {
            frames[i] = new byte[SIZES[i]];
            random.nextBytes(frames[i]);
        }
        return frames;
    }

    private static void check(Transport writer, Transport reader) throws Exception {
        byte[][] frames = frames();
        byte[][] copies = new byte[frames.length][];
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < frames.length; i++) {
            copies[i] = frames[i].clone();
            expected.write(frames[i]);
        }
        int total = expected.size();
        CompletableFuture<ReceivedStream> received = CompletableFuture.supplyAsync(() -> {
            try {
                return ReceivedStream.read(reader, total, ByteBuffer.allocate(8192));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }, NewThread.EACH_TASK);
        writer.writeFrames(frames, 0, frames.length);
        assertArrayEquals(expected.toByteArray(), Await.result(received).bytes());
        for (int i = 0; i < frames.length; i++) {
            assertArrayEquals(copies[i], frames[i], "frame " + i + " untouched");
        }
    }

    @Test
    void unixSockets() throws Exception {
        UnixTransport[] pair = UnixTransport.pair();
        try {
            check(pair[0], pair[1]);
        } finally {
            pair[0].close();
            pair[1].close();
        }
    }

    @Test
    void tcp() throws Exception {
        try (ListeningSocket listening = TcpListeningSocket.bind("127.0.0.1", 0);
                Transport client = io.ampjava.transport.tcp.TcpTransport.connect("127.0.0.1", listening.port());
                Transport server = listening.accept()) {
            check(client, server);
        }
    }

    @Test
    void pipes() throws Exception {
        Descriptor.Pipe aToB = Descriptor.pipe();
        Descriptor.Pipe bToA = Descriptor.pipe();
        try (PipeTransport a = PipeTransport.of(bToA.readEnd(), aToB.writeEnd());
                PipeTransport b = PipeTransport.of(aToB.readEnd(), bToA.writeEnd())) {
            check(a, b);
        }
    }

    @Test
    void theDefaultWrapsTheFrames() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair(1 << 20, false);
        check(pair.left(), pair.right());
    }
}
