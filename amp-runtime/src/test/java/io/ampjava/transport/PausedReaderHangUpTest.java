package io.ampjava.transport;

import static io.ampjava.testing.WireBytes.box;
import static io.ampjava.testing.WireBytes.concat;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ConnectionOptions;
import io.ampjava.dispatch.Responder;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.testing.Await;
import io.ampjava.transport.pipe.PipeTransport;
import io.ampjava.transport.tcp.TcpListeningSocket;
import io.ampjava.transport.tcp.TcpTransport;
import io.ampjava.transport.unix.UnixTransport;
import io.ampjava.types.Descriptor;
import java.io.EOFException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A connection paused at a limit reads nothing, yet must see its peer hang up
 * ({@link Transport#pollWhilePaused}): over a Unix socket and inherited pipes the kernel is asked
 * (poll), over TCP what arrived is read into the buffer's room until the end of stream shows.
 * Without it, a child process driven over pipes outlived its parent.
 */
@Timeout(30)
class PausedReaderHangUpTest {
    /** Three requests that are never answered, for a connection that takes two at a time. */
    private static final byte[] THREE_NEVERS = concat(box("_command", "Never", "_ask", "1"),
            box("_command", "Never", "_ask", "2"), box("_command", "Never", "_ask", "3"));
    private static final ConnectionOptions PAUSES_AT_TWO = ConnectionOptions.builder().maxRequestsInProgress(2).build();
    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    private final AtomicInteger started = new AtomicInteger();

    /** The socket commands, counting the requests that reach a responder. */
    private ResponderLocator counting() {
        ResponderLocator service = SocketCommands.service();
        return name -> {
            Responder responder = service.locate(name);
            return responder == null ? null : (request, connection) -> {
                started.incrementAndGet();
                return responder.respond(request, connection);
            };
        };
    }

    /** Waits until two requests are in progress and the third is not taken: the reader is paused. */
    private void awaitPaused() throws InterruptedException {
        Await.condition("two requests in progress", () -> started.get() == 2);
        Thread.sleep(100);
        assertEquals(2, started.get(), "the reader took a third request past its limit");
    }

    private static void assertClosedWhilePaused(AmpConnection connection) {
        Await.result(connection.closeFuture(), PROMPTLY);
        EOFException cause = assertInstanceOf(EOFException.class, connection.closeCause());
        assertTrue(cause.getMessage().contains("while it was paused at a limit"), cause.getMessage());
    }

    @Test
    void overAUnixSocket() throws Exception {
        pausedOverAUnixSocketUntil(UnixTransport::close);
    }

    @Test
    void overAUnixSocketWhosePeerOnlyStopsSending() throws Exception {
        pausedOverAUnixSocketUntil(UnixTransport::shutdownOutput);
    }

    /** What a peer over a Unix socket does to leave: close, or only stop sending. */
    private interface Leaving {
        void leave(UnixTransport peer) throws Exception;
    }

    private void pausedOverAUnixSocketUntil(Leaving leaving) throws Exception {
        UnixTransport[] pair = UnixTransport.pair();
        AmpConnection connection = AmpConnection.open(pair[0], counting(), PAUSES_AT_TWO);
        try {
            pair[1].write(new ByteBuffer[] {ByteBuffer.wrap(THREE_NEVERS)});
            awaitPaused();
            leaving.leave(pair[1]);
            assertClosedWhilePaused(connection);
        } finally {
            connection.close();
            pair[1].close();
        }
    }

    @Test
    void overTcp() throws Exception {
        try (TcpListeningSocket listening = TcpListeningSocket.bind("127.0.0.1", 0);
                SocketChannel peer = SocketChannel.open(new InetSocketAddress("127.0.0.1", listening.port()))) {
            AmpConnection connection = AmpConnection.open(listening.accept(), counting(), PAUSES_AT_TWO);
            try {
                peer.write(ByteBuffer.wrap(THREE_NEVERS));
                awaitPaused();
                peer.close();
                assertClosedWhilePaused(connection);
            } finally {
                connection.close();
            }
        }
    }

    @Test
    void overInheritedPipes() throws Exception {
        Descriptor.Pipe toConnection = Descriptor.pipe();
        Descriptor.Pipe fromConnection = Descriptor.pipe();
        AmpConnection connection = AmpConnection.open(PipeTransport.of(toConnection.readEnd(), fromConnection.writeEnd()),
                counting(), PAUSES_AT_TWO);
        try {
            toConnection.writeEnd().write(THREE_NEVERS);
            awaitPaused();
            toConnection.writeEnd().close(); // the parent is gone: nobody writes to the child any more
            assertClosedWhilePaused(connection);
        } finally {
            connection.close();
            toConnection.close();
            fromConnection.close();
        }
    }

    @Test
    void aUnixSocketIsAskedWithoutReading() throws Exception {
        UnixTransport[] pair = UnixTransport.pair();
        try {
            ByteBuffer room = ByteBuffer.allocate(16);
            assertEquals(0, pair[0].pollWhilePaused(room, fd -> { }));
            pair[1].write(new ByteBuffer[] {ByteBuffer.wrap("abc".getBytes(US_ASCII))});
            assertEquals(0, pair[0].pollWhilePaused(room, fd -> { }), "bytes waiting are no hang-up");
            pair[1].close();
            assertEquals(-1, pair[0].pollWhilePaused(room, fd -> { }));
            assertEquals(0, room.position(), "nothing was read");
            assertEquals("abc", new String(ReceivedStream.read(pair[0], 3, ByteBuffer.allocate(3)).bytes(), US_ASCII),
                    "the bytes before the hang-up are still there");
        } finally {
            pair[0].close();
            pair[1].close();
        }
    }

    @Test
    void tcpReadsWhatFitsUntilTheEndOfStreamShows() throws Exception {
        try (TcpListeningSocket listening = TcpListeningSocket.bind("127.0.0.1", 0);
                SocketChannel peer = SocketChannel.open(new InetSocketAddress("127.0.0.1", listening.port()))) {
            TcpTransport transport = listening.accept();
            try {
                ByteBuffer room = ByteBuffer.allocate(16);
                assertEquals(0, transport.pollWhilePaused(room, fd -> { }), "nothing yet, and no wait");
                peer.write(ByteBuffer.wrap("abc".getBytes(US_ASCII)));
                peer.close();
                int read = 0;
                long deadline = System.nanoTime() + PROMPTLY.toNanos();
                int polled;
                while ((polled = transport.pollWhilePaused(room, fd -> { })) >= 0 && System.nanoTime() < deadline) {
                    read += polled;
                }
                assertEquals(-1, polled, "the end of stream once the bytes before it fit");
                assertEquals(3, read);
                assertEquals("abc", new String(room.array(), 0, room.position(), US_ASCII));
                assertEquals(0, transport.pollWhilePaused(ByteBuffer.allocate(0), fd -> { }), "no room: cannot tell");
            } finally {
                transport.close();
            }
        }
    }

    @Test
    void aPipeIsAskedWithoutReading() throws Exception {
        Descriptor.Pipe in = Descriptor.pipe();
        Descriptor.Pipe out = Descriptor.pipe();
        PipeTransport transport = PipeTransport.of(in.readEnd(), out.writeEnd());
        try {
            ByteBuffer room = ByteBuffer.allocate(16);
            in.writeEnd().write("abc".getBytes(US_ASCII));
            assertEquals(0, transport.pollWhilePaused(room, fd -> { }));
            in.writeEnd().close();
            assertEquals(-1, transport.pollWhilePaused(room, fd -> { }));
            assertEquals(0, room.position(), "nothing was read");
            assertEquals(0, PipeTransport.streams(new java.io.ByteArrayInputStream(new byte[0]),
                    new java.io.ByteArrayOutputStream()).pollWhilePaused(room, fd -> { }), "streams cannot tell");
        } finally {
            transport.close();
            in.close();
            out.close();
        }
    }
}
