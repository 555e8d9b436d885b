package io.ampjava.dispatch;

import static io.ampjava.testing.WireBytes.concat;
import static io.ampjava.testing.WireBytes.latin1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.Amp;
import io.ampjava.dispatch.TestCommands.OopsException;
import io.ampjava.dispatch.TestCommands.Operands;
import io.ampjava.testing.Await;
import io.ampjava.testing.WireBytes;
import io.ampjava.tls.TestCertificates;
import io.ampjava.tls.TlsOptions;
import io.ampjava.server.AmpServer;
import io.ampjava.transport.InMemoryTransport;
import io.ampjava.wire.Box;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Protocol switching (Twisted's {@code ProtocolSwitchCommand}) at the connection level: every byte
 * after the answer goes to the new protocol, sending boxes is refused while the switch is pending
 * and after it, and a failed switch leaves AMP working.
 */
@Timeout(30)
class ProtocolSwitchTest {
    /** {@code Switch(mode: text)}: answered {@code _answer} alone; {@code OOPS} refuses it. */
    static final Command<String, Void> SWITCH = Command.builder("Switch", TestCommands.text("mode"), Command.EMPTY)
            .error(ErrorSpec.of("OOPS", OopsException.class, OopsException::new))
            .switchesProtocol(true)
            .build();

    private static final byte[] ECHO_REQUEST = WireBytes.box("_ask", "1", "_command", "Switch", "mode", "echo");

    /** Records what it receives; echoes it back with an {@code ECHO:} prefix when asked to. */
    static final class Recorder implements SwitchedProtocol {
        final boolean echo;
        final CompletableFuture<ProtocolChannel> made = new CompletableFuture<>();
        final CompletableFuture<Throwable> lost = new CompletableFuture<>();
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final LinkedBlockingQueue<Integer> arrivals = new LinkedBlockingQueue<>();

        Recorder(boolean echo) {
            this.echo = echo;
        }

        @Override
        public void connectionMade(ProtocolChannel channel) {
            made.complete(channel);
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            synchronized (received) {
                received.writeBytes(bytes);
            }
            if (echo) {
                made.join().write(("ECHO:" + new String(bytes, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1));
            }
            arrivals.add(bytes.length);
        }

        @Override
        public void connectionLost(Throwable cause) {
            lost.complete(cause);
        }

        /** Waits until {@code count} bytes came, and returns all of them. */
        byte[] await(int count) throws InterruptedException {
            while (true) {
                synchronized (received) {
                    if (received.size() >= count) {
                        return received.toByteArray();
                    }
                }
                if (arrivals.poll(Await.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) == null) {
                    throw new AssertionError("only " + received.size() + " of " + count + " bytes came");
                }
            }
        }

        ProtocolChannel channel() throws Exception {
            return Await.result(made);
        }
    }

    private static InMemoryTransport.Pair pair() {
        return InMemoryTransport.pair(InMemoryTransport.DEFAULT_CAPACITY, false);
    }

    // ---------------------------------------------------------------------------------------------
    // Requester

    @Test
    void theRequesterLocksUntilTheAnswerThenEveryByteAfterItGoesToTheNewProtocol() throws Exception {
        InMemoryTransport.Pair pair = pair();
        Recorder protocol = new Recorder(false);
        try (AmpConnection connection = AmpConnection.open(pair.left(), TestCommands.calculator());
                ScriptedPeer peer = new ScriptedPeer(pair.right())) {
            CompletableFuture<Recorder> switched = connection.switchProtocol(SWITCH, "echo", protocol);
            assertArrayEquals(ECHO_REQUEST, peer.readBoxBytes());

            // Locked: our calls are refused, and answers to the peer's requests are dropped.
            ProtocolSwitchedException pending = assertInstanceOf(ProtocolSwitchedException.class,
                    Await.failure(connection.callRemote(TestCommands.SUM, new Operands(1, 2))));
            assertTrue(pending.getMessage().contains("waits for the answer"), pending.getMessage());
            assertThrows(ProtocolSwitchedException.class, () -> connection.callRemoteStringNoAnswer("Sum", new Box()));
            peer.write(WireBytes.box("_ask", "p", "_command", "Sum", "a", "1", "b", "1"));
            assertTrue(peer.quietFor(150), "nothing may be sent while the switch is pending");

            // The answer, and in the same read a 00 00 that AMP would take for an empty box.
            peer.write(WireBytes.box("_answer", "1"), new byte[] {0, 0}, latin1("raw bytes after"));
            assertSame(protocol, Await.result(switched));
            assertArrayEquals(concat(new byte[] {0, 0}, latin1("raw bytes after")), protocol.await(17));

            assertTrue(protocol.channel().write(latin1("pong")));
            assertArrayEquals(latin1("pong"), peer.readAvailable());
            byte[] box = WireBytes.box("_ask", "2", "_command", "Sum");
            peer.write(box);
            assertArrayEquals(concat(new byte[] {0, 0}, latin1("raw bytes after"), box), protocol.await(17 + box.length),
                    "a box is just bytes now");

            ProtocolSwitchedException after = assertInstanceOf(ProtocolSwitchedException.class,
                    Await.failure(connection.callRemoteString("Sum", new Box())));
            assertTrue(after.getMessage().contains("switched to another protocol"), after.getMessage());
            assertInstanceOf(ProtocolSwitchedException.class,
                    Await.failure(connection.switchProtocol(SWITCH, "again", new Recorder(false))));
            assertInstanceOf(ProtocolSwitchedException.class, Await.failure(connection.startTls(TlsOptions.builder().build())));
            assertTrue(connection.isOpen());

            pair.right().close(); // the peer hangs up
            assertInstanceOf(EOFException.class, Await.result(protocol.lost));
        }
    }

    @Test
    void aFailedSwitchUnlocksAndAmpCarriesOn() throws Exception {
        InMemoryTransport.Pair pair = pair();
        Recorder protocol = new Recorder(false);
        try (AmpConnection connection = AmpConnection.open(pair.left(), ResponderLocator.NONE);
                ScriptedPeer peer = new ScriptedPeer(pair.right())) {
            CompletableFuture<Recorder> switched = connection.switchProtocol(SWITCH, "echo", protocol);
            assertArrayEquals(ECHO_REQUEST, peer.readBoxBytes());
            peer.write(WireBytes.box("_error", "1", "_error_code", "OOPS", "_error_description", "not now"));
            OopsException refused = assertInstanceOf(OopsException.class, Await.failure(switched));
            assertEquals("not now", refused.getMessage());
            assertFalse(protocol.made.isDone());

            CompletableFuture<Box> after = connection.callRemoteString("Sum", new Box());
            assertArrayEquals(WireBytes.box("_ask", "2", "_command", "Sum"), peer.readBoxBytes());
            peer.write(WireBytes.box("_answer", "2", "total", "0"));
            assertEquals("0", Await.result(after).getString("total"));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Responder

    @Test
    void theResponderAnswersAloneThenHandsTheRestOfTheReadToTheProtocol() throws Exception {
        InMemoryTransport.Pair pair = pair();
        Recorder protocol = new Recorder(true);
        ResponderLocator locator = TestCommands.calculator()
                .or(name -> name.equals("Switch") ? Responders.switchingSync(SWITCH, (mode, c) -> protocol) : null);
        try (AmpConnection connection = AmpConnection.open(pair.left(), locator);
                ScriptedPeer peer = new ScriptedPeer(pair.right())) {
            // Request, then 00 00 and text in the same write: all after the request is the protocol's.
            peer.write(ECHO_REQUEST, new byte[] {0, 0}, latin1("hi"));
            assertArrayEquals(WireBytes.box("_answer", "1"), peer.readBoxBytes());
            assertArrayEquals(concat(new byte[] {0, 0}, latin1("hi")), protocol.await(4));
            assertArrayEquals(concat(latin1("ECHO:"), new byte[] {0, 0}, latin1("hi")), peer.readAvailable());

            assertInstanceOf(ProtocolSwitchedException.class,
                    Await.failure(connection.callRemote(TestCommands.SUM, new Operands(1, 1))));
            protocol.channel().close(); // orderly: what was written, then the end of stream
            assertArrayEquals(new byte[0], peer.readToEnd());
            Await.result(connection.closeFuture());
            assertTrue(protocol.lost.isDone());
        }
    }

    @Test
    void aLaterAnswerFromAnExecutorSwitchesTooAndARefusalLeavesAmpWorking() throws Exception {
        InMemoryTransport.Pair pair = pair();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Recorder protocol = new Recorder(true);
        CompletableFuture<SwitchedProtocol> decision = new CompletableFuture<>();
        ResponderLocator locator = TestCommands.calculator().or(name -> name.equals("Switch")
                ? Responders.switching(SWITCH, (mode, c) -> {
                    if (mode.equals("no")) {
                        throw new OopsException("refused " + mode);
                    }
                    return decision;
                })
                : null);
        AmpConnection connection = AmpConnection.open(pair.left(), locator,
                ConnectionOptions.builder().responderExecutor(pool).build());
        try (ScriptedPeer peer = new ScriptedPeer(pair.right())) {
            peer.write(WireBytes.box("_ask", "1", "_command", "Switch", "mode", "no"));
            assertEquals(new Box().put("_error", "1").put("_error_code", "OOPS").put("_error_description", "refused no"),
                    io.ampjava.wire.BoxDecoder.parse(peer.readBoxBytes()).get(0));
            peer.write(WireBytes.box("_ask", "2", "_command", "Sum", "a", "1", "b", "2"));
            assertArrayEquals(WireBytes.box("_answer", "2", "total", "3"), peer.readBoxBytes());

            peer.write(WireBytes.box("_ask", "3", "_command", "Switch", "mode", "later"));
            assertTrue(peer.quietFor(100));
            decision.complete(protocol);
            assertArrayEquals(WireBytes.box("_answer", "3"), peer.readBoxBytes());
            peer.write(latin1("data"));
            assertArrayEquals(latin1("ECHO:data"), peer.readAvailable());
            connection.close();
            assertTrue(Await.result(protocol.lost).getMessage().contains("closed by this side"));
        } finally {
            connection.close();
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Two runtimes

    @Test
    void twoRuntimesSwitchAndTalkBothWaysAndOneSidesCloseReachesTheOther() throws Exception {
        InMemoryTransport.Pair pair = pair();
        Recorder answering = new Recorder(true);
        ResponderLocator locator = name -> name.equals("Switch") ? Responders.switchingSync(SWITCH, (mode, c) -> answering) : null;
        Recorder asking = new Recorder(false);
        try (AmpConnection left = AmpConnection.open(pair.left(), ResponderLocator.NONE);
                AmpConnection right = AmpConnection.open(pair.right(), locator)) {
            Await.result(left.switchProtocol(SWITCH, "echo", asking)).channel().write(latin1("ping"));
            assertArrayEquals(latin1("ECHO:ping"), asking.await(9));
            asking.channel().close();
            assertInstanceOf(EOFException.class, Await.result(answering.lost));
            Await.result(left.closeFuture());
            Await.result(right.closeFuture());
        }
    }

    @Test
    void aSwitchAfterStartTlsKeepsTheNewProtocolUnderTls() throws Exception {
        TestCertificates certificates = TestCertificates.shared();
        TlsOptions serverTls = TlsOptions.builder().identity(certificates.server.key(), certificates.server.chain()).build();
        Recorder answering = new Recorder(true);
        try (AmpServer server = Amp.listenTcp("127.0.0.1", 0, () -> StartTlsResponder.locator(serverTls)
                        .or(name -> name.equals("Switch") ? Responders.switchingSync(SWITCH, (mode, c) -> answering) : null));
                AmpConnection client = Amp.connectTcp("127.0.0.1", server.port(), ResponderLocator.NONE)) {
            Await.result(client.startTls(TlsOptions.builder().trustAnchors(certificates.ca).build()));
            Recorder asking = new Recorder(false);
            Await.result(client.switchProtocol(SWITCH, "echo", asking)).channel().write(latin1("secret"));
            assertArrayEquals(latin1("ECHO:secret"), asking.await(11));
            assertTrue(client.tlsSession().isPresent());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Declarations

    @Test
    void switchingCommandsAreDeclaredAndCalledOnlyAsSuch() {
        assertThrows(IllegalStateException.class, () -> Command.builder("S", TestCommands.text("m"), TestCommands.TOTAL)
                .switchesProtocol(true).build());
        assertThrows(IllegalStateException.class, () -> Command.builder("S", TestCommands.text("m"), Command.EMPTY)
                .switchesProtocol(true).requiresAnswer(false).build());
        assertThrows(IllegalStateException.class, () -> Command.builder("S", TestCommands.text("m"), Command.EMPTY)
                .switchesProtocol(true).closesConnection(true).build());
        assertThrows(IllegalArgumentException.class, () -> Responders.ofSync(SWITCH, (mode, c) -> null));
        assertThrows(IllegalArgumentException.class, () -> Responders.switchingSync(TestCommands.HELLO, (text, c) -> null));

        InMemoryTransport.Pair pair = pair();
        try (AmpConnection connection = AmpConnection.open(pair.left(), ResponderLocator.NONE)) {
            assertThrows(IllegalArgumentException.class, () -> connection.callRemote(SWITCH, "x"));
            assertThrows(IllegalArgumentException.class, () -> connection.switchProtocol(TestCommands.HELLO, "x", new Recorder(false)));
            ProtocolSwitchResponder direct = Responders.switchingSync(SWITCH, (mode, c) -> new Recorder(false));
            assertThrows(UnsupportedOperationException.class, () -> direct.respond(new Box(), connection));
        }
    }
}
