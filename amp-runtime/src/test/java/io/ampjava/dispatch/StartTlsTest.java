package io.ampjava.dispatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.Amp;
import io.ampjava.dispatch.TestCommands.Operands;
import io.ampjava.testing.Await;
import io.ampjava.testing.WireBytes;
import io.ampjava.tls.OnlyOneTlsException;
import io.ampjava.tls.PeerVerifyException;
import io.ampjava.tls.TestCertificates;
import io.ampjava.tls.TlsOptions;
import io.ampjava.tls.TlsTransport;
import io.ampjava.server.AmpServer;
import io.ampjava.transport.InMemoryTransport;
import io.ampjava.transport.TransportRole;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxDecoder;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * StartTLS at the connection level: Twisted's exact request and answer, boxes held back until the
 * answer, roles that follow the TCP roles, refusals, and the verification errors. Scripted peers over
 * in-memory pairs pin the bytes; two runtimes over real TCP show the whole exchange.
 */
@Timeout(30)
class StartTlsTest {
    private static final TestCertificates CERTIFICATES = TestCertificates.shared();
    private static final byte[] REQUEST = WireBytes.box("_ask", "1", "_command", "StartTLS");
    private static final byte[] ANSWER = WireBytes.box("_answer", "1");

    private AmpServer server;
    private final AtomicReference<AmpConnection> accepted = new AtomicReference<>();

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static TlsOptions serverOptions() {
        return TlsOptions.builder()
                .identity(CERTIFICATES.server.key(), CERTIFICATES.server.chain())
                .trustAnchors(CERTIFICATES.ca)
                .build();
    }

    private static TlsOptions clientOptions() {
        return TlsOptions.builder()
                .identity(CERTIFICATES.client.key(), CERTIFICATES.client.chain())
                .trustAnchors(CERTIFICATES.ca)
                .build();
    }

    private static InMemoryTransport.Pair pair() {
        return InMemoryTransport.pair(InMemoryTransport.DEFAULT_CAPACITY, false);
    }

    // ---------------------------------------------------------------------------------------------
    // Requester: exact bytes, held boxes, the answer and the bytes that come with it

    @Test
    void theRequesterSendsTwistedsRequestHoldsLaterBoxesAndSendsThemThroughTls() throws Exception {
        InMemoryTransport.Pair pair = pair();
        TlsOptions client = TlsOptions.builder().trustAnchors(CERTIFICATES.ca).role(TransportRole.CLIENT).build();
        try (AmpConnection connection = AmpConnection.open(pair.left(), ResponderLocator.NONE);
                ScriptedPeer peer = new ScriptedPeer(pair.right())) {
            CompletableFuture<Void> tls = connection.startTls(client);
            CompletableFuture<Box> held = connection.callRemoteString("Sum", new Box().put("a", "1").put("b", "2"));

            assertArrayEquals(REQUEST, peer.readBoxBytes());
            assertTrue(peer.quietFor(200), "a box sent after the StartTLS request went out in the clear");
            assertFalse(tls.isDone());

            peer.write(ANSWER);
            SSLEngine engine = TlsOptions.builder()
                    .identity(CERTIFICATES.server.key(), CERTIFICATES.server.chain())
                    .build()
                    .createEngine(TransportRole.SERVER);
            TlsTransport secure = TlsTransport.start(peer.stream(null), engine, ByteBuffer.allocate(0));
            secure.handshake();
            Await.result(tls);
            assertEquals(CERTIFICATES.server.certificate(), connection.tlsSession().orElseThrow().getPeerCertificates()[0]);

            // The held Sum comes through TLS; answer it there.
            Box request = readBox(secure);
            assertEquals(new Box().put("_ask", "2").put("_command", "Sum").put("a", "1").put("b", "2"), request);
            secure.write(new ByteBuffer[] {ByteBuffer.wrap(WireBytes.box("_answer", "2", "total", "3"))});
            assertEquals("3", Await.result(held).getString("total"));
        }
    }

    @Test
    void bytesReadTogetherWithTheAnswerGoToTlsAndRolesFollowTheTransportNotTheAsker() throws Exception {
        // The accepting side asks; the connecting side is still the TLS client, and its ClientHello
        // arrives in the very read that brings the answer.
        InMemoryTransport.Pair pair = pair();
        TlsOptions asker = TlsOptions.builder()
                .identity(CERTIFICATES.server.key(), CERTIFICATES.server.chain())
                .role(TransportRole.SERVER)
                .build();
        try (AmpConnection connection = AmpConnection.open(pair.left(), TestCommands.calculator());
                ScriptedPeer peer = new ScriptedPeer(pair.right())) {
            CompletableFuture<Void> tls = connection.startTls(asker);
            assertArrayEquals(REQUEST, peer.readBoxBytes());

            SSLEngine engine = TlsOptions.builder().trustAnchors(CERTIFICATES.ca).build().createEngine(TransportRole.CLIENT);
            TlsTransport secure = TlsTransport.start(peer.stream(ANSWER), engine, ByteBuffer.allocate(0));
            secure.handshake(); // its first write carries the answer and the ClientHello together
            Await.result(tls);
            assertEquals(CERTIFICATES.server.certificate(), secure.session().getPeerCertificates()[0]);

            secure.write(new ByteBuffer[] {ByteBuffer.wrap(WireBytes.box("_ask", "a", "_command", "Sum", "a", "20", "b", "22"))});
            assertEquals(new Box().put("_answer", "a").put("total", "42"), readBox(secure));
        }
    }

    @Test
    void anErrorAnswerLetsTheHeldBoxesGoInTheClearAndAmpCarriesOn() throws Exception {
        InMemoryTransport.Pair pair = pair();
        TlsOptions client = TlsOptions.builder().role(TransportRole.CLIENT).build();
        try (AmpConnection connection = AmpConnection.open(pair.left(), ResponderLocator.NONE);
                ScriptedPeer peer = new ScriptedPeer(pair.right())) {
            CompletableFuture<Void> tls = connection.startTls(client);
            CompletableFuture<Box> held = connection.callRemoteString("Sum", new Box().put("a", "1").put("b", "2"));
            assertArrayEquals(REQUEST, peer.readBoxBytes());
            assertTrue(peer.quietFor(100));

            peer.write(WireBytes.box("_error", "1", "_error_code", "TLS_ERROR", "_error_description", "TLS not available"));
            RemoteAmpException refused = assertInstanceOf(RemoteAmpException.class, Await.failure(tls));
            assertEquals("TLS_ERROR", refused.code());
            assertEquals("TLS not available", refused.description());

            assertArrayEquals(WireBytes.box("_ask", "2", "_command", "Sum", "a", "1", "b", "2"), peer.readBoxBytes());
            peer.write(WireBytes.box("_answer", "2", "total", "3"));
            assertEquals("3", Await.result(held).getString("total"));
            assertTrue(connection.tlsSession().isEmpty());

            // Refused once, it may be asked again.
            CompletableFuture<Void> again = connection.startTls(client);
            assertArrayEquals(WireBytes.box("_ask", "3", "_command", "StartTLS"), peer.readBoxBytes());
            peer.write(WireBytes.box("_error", "3", "_error_code", "UNHANDLED", "_error_description", "Unhandled Command: b'StartTLS'"));
            assertInstanceOf(UnhandledCommandException.class, Await.failure(again));
            CompletableFuture<Box> after = connection.callRemoteString("Sum", new Box());
            assertArrayEquals(WireBytes.box("_ask", "4", "_command", "Sum"), peer.readBoxBytes());
            peer.write(WireBytes.box("_answer", "4", "total", "0"));
            assertEquals("0", Await.result(after).getString("total"));
        }
    }

    @Test
    void theServerSideWithoutACertificateRefusesToAskAndSendsNothing() throws Exception {
        InMemoryTransport.Pair pair = pair();
        TlsOptions anonymous = TlsOptions.builder().role(TransportRole.SERVER).build();
        try (AmpConnection connection = AmpConnection.open(pair.left(), ResponderLocator.NONE);
                ScriptedPeer peer = new ScriptedPeer(pair.right())) {
            SSLException unfit = assertInstanceOf(SSLException.class, Await.failure(connection.startTls(anonymous)));
            assertTrue(unfit.getMessage().contains("no certificate"), unfit.getMessage());
            assertTrue(peer.quietFor(100));
            // Over a pipe-like transport nobody knows the roles.
            SSLException unknown = assertInstanceOf(SSLException.class,
                    Await.failure(connection.startTls(TlsOptions.builder().build())));
            assertTrue(unknown.getMessage().contains("which side"), unknown.getMessage());
            assertTrue(peer.quietFor(50));
        }
    }

    @Test
    void aPeerThatClosesDuringTheHandshakeFailsTheStartAndEveryOutstandingCallWithAVerificationError() throws Exception {
        InMemoryTransport.Pair pair = pair();
        TlsOptions client = TlsOptions.builder().trustAnchors(CERTIFICATES.ca).role(TransportRole.CLIENT).build();
        try (AmpConnection connection = AmpConnection.open(pair.left(), ResponderLocator.NONE);
                ScriptedPeer peer = new ScriptedPeer(pair.right())) {
            CompletableFuture<Box> before = connection.callRemoteString("Slow", new Box());
            CompletableFuture<Void> tls = connection.startTls(client);
            CompletableFuture<Box> held = connection.callRemoteString("Sum", new Box());
            assertArrayEquals(WireBytes.box("_ask", "1", "_command", "Slow"), peer.readBoxBytes());
            assertArrayEquals(WireBytes.box("_ask", "2", "_command", "StartTLS"), peer.readBoxBytes());
            peer.write(WireBytes.box("_answer", "2"));
            assertTrue(peer.readAvailable().length > 0, "a ClientHello"); // the handshake began
            pair.right().close(); // the peer hangs up

            PeerVerifyException refused = assertInstanceOf(PeerVerifyException.class, Await.failure(tls));
            assertTrue(refused.getMessage().contains("during the TLS handshake"), refused.getMessage());
            assertInstanceOf(PeerVerifyException.class, Await.failure(before));
            assertInstanceOf(PeerVerifyException.class, Await.failure(held));
            Await.result(connection.closeFuture());
            assertInstanceOf(PeerVerifyException.class, connection.closeCause());
        }
    }

    @Test
    void aPeerThatAnswersButNeverSpeaksTlsIsGivenUpOnAfterTheHandshakeTimeout() throws Exception {
        InMemoryTransport.Pair pair = pair();
        TlsOptions client = TlsOptions.builder()
                .role(TransportRole.CLIENT)
                .handshakeTimeout(java.time.Duration.ofMillis(300))
                .build();
        try (AmpConnection connection = AmpConnection.open(pair.left(), ResponderLocator.NONE);
                ScriptedPeer peer = new ScriptedPeer(pair.right())) {
            CompletableFuture<Void> tls = connection.startTls(client);
            CompletableFuture<Box> held = connection.callRemoteString("Sum", new Box());
            assertArrayEquals(REQUEST, peer.readBoxBytes());
            peer.write(ANSWER); // and then silence: the ClientHello is never answered
            PeerVerifyException gaveUp = assertInstanceOf(PeerVerifyException.class, Await.failure(tls));
            assertTrue(gaveUp.getMessage().contains("did not finish within 300 ms"), gaveUp.getMessage());
            assertInstanceOf(PeerVerifyException.class, Await.failure(held));
            assertFalse(connection.isOpen());
        }
    }

    @Test
    void aSecondStartTlsFailsAtOnceWhileTheFirstIsPending() throws Exception {
        InMemoryTransport.Pair pair = pair();
        TlsOptions client = TlsOptions.builder().role(TransportRole.CLIENT).build();
        try (AmpConnection connection = AmpConnection.open(pair.left(), ResponderLocator.NONE);
                ScriptedPeer peer = new ScriptedPeer(pair.right())) {
            CompletableFuture<Void> first = connection.startTls(client);
            OnlyOneTlsException second = assertInstanceOf(OnlyOneTlsException.class, Await.failure(connection.startTls(client)));
            assertTrue(second.getMessage().contains("is starting TLS already"), second.getMessage());
            assertArrayEquals(REQUEST, peer.readBoxBytes());
            assertTrue(peer.quietFor(100), "the second request must not be sent");
            assertFalse(first.isDone());
            // Nor can it go out as a plain call, which would leave the two sides disagreeing.
            assertThrows(IllegalArgumentException.class, () -> connection.callRemoteString("StartTLS", new Box()));
            assertThrows(IllegalArgumentException.class, () -> connection.callRemoteStringNoAnswer("StartTLS", new Box()));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Responder

    @Test
    void theResponderAnswersWithAnEmptyBoxThenRunsTlsAndRefusesASecondStartTls() throws Exception {
        InMemoryTransport.Pair pair = pair();
        TlsOptions tls = TlsOptions.builder()
                .identity(CERTIFICATES.server.key(), CERTIFICATES.server.chain())
                .role(TransportRole.SERVER)
                .build();
        ResponderLocator locator = TestCommands.calculator().or(StartTlsResponder.locator(tls));
        try (AmpConnection connection = AmpConnection.open(pair.left(), locator);
                ScriptedPeer peer = new ScriptedPeer(pair.right())) {
            peer.write(REQUEST);
            assertArrayEquals(ANSWER, peer.readBoxBytes());

            SSLEngine engine = TlsOptions.builder().trustAnchors(CERTIFICATES.ca).build().createEngine(TransportRole.CLIENT);
            TlsTransport secure = TlsTransport.start(peer.stream(null), engine, ByteBuffer.allocate(0));
            secure.handshake();
            secure.write(new ByteBuffer[] {ByteBuffer.wrap(WireBytes.box("_ask", "2", "_command", "Sum", "a", "2", "b", "3"))});
            assertEquals(new Box().put("_answer", "2").put("total", "5"), readBox(secure));

            secure.write(new ByteBuffer[] {ByteBuffer.wrap(WireBytes.box("_ask", "3", "_command", "StartTLS"))});
            assertEquals(new Box().put("_error", "3").put("_error_code", "TLS_ERROR")
                    .put("_error_description", "TLS already started"), readBox(secure));
            assertTrue(connection.isOpen());
            assertInstanceOf(OnlyOneTlsException.class, Await.failure(connection.startTls(tls)));
        }
    }

    @Test
    void aResponderWithoutTlsAnswersTlsNotAvailableAndStaysInTheClear() throws Exception {
        InMemoryTransport.Pair pair = pair();
        try (AmpConnection connection = AmpConnection.open(pair.left(), TestCommands.calculator());
                ScriptedPeer peer = new ScriptedPeer(pair.right())) {
            peer.write(REQUEST, WireBytes.box("_ask", "2", "_command", "Sum", "a", "1", "b", "1"));
            assertArrayEquals(WireBytes.box("_error", "1", "_error_code", "TLS_ERROR", "_error_description", "TLS not available"),
                    peer.readBoxBytes());
            assertArrayEquals(WireBytes.box("_answer", "2", "total", "2"), peer.readBoxBytes());
            assertTrue(connection.isOpen());

            // Without _ask nobody hears the answer, so TLS never starts (as in Twisted).
            peer.write(WireBytes.box("_command", "StartTLS"), WireBytes.box("_ask", "3", "_command", "Sum", "a", "2", "b", "2"));
            assertArrayEquals(WireBytes.box("_answer", "3", "total", "4"), peer.readBoxBytes());
        }
    }

    @Test
    void aTlsServerWithoutACertificateAnswersTlsNotAvailableWithTheReason() throws Exception {
        InMemoryTransport.Pair pair = pair();
        TlsOptions anonymous = TlsOptions.builder().role(TransportRole.SERVER).build();
        try (AmpConnection connection = AmpConnection.open(pair.left(), StartTlsResponder.locator(anonymous));
                ScriptedPeer peer = new ScriptedPeer(pair.right())) {
            peer.write(REQUEST);
            Box error = BoxDecoder.parse(peer.readBoxBytes()).get(0);
            assertEquals("TLS_ERROR", error.getString("_error_code"));
            assertTrue(error.getString("_error_description").startsWith("TLS not available: "), error.toString());
            assertTrue(error.getString("_error_description").contains("no certificate"), error.toString());
            assertTrue(connection.isOpen(), "a refusal leaves the connection up");
        }
    }

    @Test
    void crossingStartTlsRequestsAreBothRefusedInTheClearAndAmpCarriesOn() throws Exception {
        InMemoryTransport.Pair pair = pair();
        TlsOptions tls = TlsOptions.builder()
                .identity(CERTIFICATES.server.key(), CERTIFICATES.server.chain())
                .role(TransportRole.SERVER)
                .build();
        try (AmpConnection connection = AmpConnection.open(pair.left(), StartTlsResponder.locator(tls).or(TestCommands.calculator()));
                ScriptedPeer peer = new ScriptedPeer(pair.right())) {
            CompletableFuture<Void> ours = connection.startTls(tls);
            assertArrayEquals(REQUEST, peer.readBoxBytes());
            // The peer asked too, before it saw ours: it holds its boxes and waits for our answer,
            // which must get past the hold on ours.
            peer.write(WireBytes.box("_ask", "x", "_command", "StartTLS"));
            assertEquals(new Box().put("_error", "x").put("_error_code", "TLS_ERROR")
                    .put("_error_description", "TLS negotiation already in progress"), BoxDecoder.parse(peer.readBoxBytes()).get(0));
            peer.write(WireBytes.box("_error", "1", "_error_code", "TLS_ERROR", "_error_description", "TLS negotiation already in progress"));
            assertInstanceOf(RemoteAmpException.class, Await.failure(ours));
            peer.write(WireBytes.box("_ask", "y", "_command", "Sum", "a", "3", "b", "4"));
            assertArrayEquals(WireBytes.box("_answer", "y", "total", "7"), peer.readBoxBytes());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Two runtimes over real TCP

    private AmpConnection connectTcp(TlsOptions serverTls) throws Exception {
        server = Amp.listenTcp("127.0.0.1", 0, () -> TestCommands.calculator().or(StartTlsResponder.locator(serverTls)));
        AmpConnection client = Amp.connectTcp("127.0.0.1", server.port(),
                TestCommands.calculator().or(StartTlsResponder.locator(clientOptions())));
        // The server's side of it, for checks from there.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.connections().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        accepted.set(server.connections().get(0));
        return client;
    }

    @Test
    void overTcpTheConnectingSideAsksAndCallsBeforeAndAfterSucceedWithBothCertificatesChecked() throws Exception {
        try (AmpConnection client = connectTcp(serverOptions())) {
            assertEquals(3, Await.result(client.callRemote(TestCommands.SUM, new Operands(1, 2))).total());
            CompletableFuture<Void> tls = client.startTls(clientOptions());
            CompletableFuture<TestCommands.Total> held = client.callRemote(TestCommands.SUM, new Operands(20, 22));
            Await.result(tls);
            assertEquals(42, Await.result(held).total());
            assertEquals(9, Await.result(client.callRemote(TestCommands.SUM, new Operands(4, 5))).total());
            // And the other way, through TLS too.
            assertEquals(11, Await.result(accepted.get().callRemote(TestCommands.SUM, new Operands(5, 6))).total());

            assertEquals(CERTIFICATES.server.certificate(), client.tlsSession().orElseThrow().getPeerCertificates()[0]);
            assertEquals(CERTIFICATES.client.certificate(), accepted.get().tlsSession().orElseThrow().getPeerCertificates()[0]);
            assertTrue(client.describe().endsWith("(TLS)"), client.describe());
            assertInstanceOf(OnlyOneTlsException.class, Await.failure(client.startTls(clientOptions())));
        }
    }

    @Test
    void overTcpTheAcceptingSideMayAskAndStaysTheTlsServer() throws Exception {
        try (AmpConnection client = connectTcp(serverOptions())) {
            Await.result(accepted.get().startTls(serverOptions()));
            assertEquals(7, Await.result(client.callRemote(TestCommands.SUM, new Operands(3, 4))).total());
            assertEquals(7, Await.result(accepted.get().callRemote(TestCommands.SUM, new Operands(3, 4))).total());
            // The accepting side presented the server certificate: it was the TLS server.
            assertEquals(CERTIFICATES.server.certificate(), client.tlsSession().orElseThrow().getPeerCertificates()[0]);
            assertEquals(CERTIFICATES.server.certificate(), accepted.get().tlsSession().orElseThrow().getLocalCertificates()[0]);
        }
    }

    @Test
    void overTcpAServerCertificateFromAnotherAuthorityIsRefused() throws Exception {
        TlsOptions rogue = TlsOptions.builder()
                .identity(CERTIFICATES.rogueServer.key(), CERTIFICATES.rogueServer.chain())
                .trustAnchors(CERTIFICATES.ca)
                .build();
        try (AmpConnection client = connectTcp(rogue)) {
            CompletableFuture<Void> tls = client.startTls(clientOptions());
            CompletableFuture<TestCommands.Total> held = client.callRemote(TestCommands.SUM, new Operands(1, 1));
            assertInstanceOf(PeerVerifyException.class, Await.failure(tls));
            assertInstanceOf(PeerVerifyException.class, Await.failure(held));
            assertFalse(client.isOpen());
            Await.result(accepted.get().closeFuture());
            assertInstanceOf(PeerVerifyException.class, accepted.get().closeCause(), String.valueOf(accepted.get().closeCause()));
        }
    }

    @Test
    void overTcpAClientCertificateFromAnotherAuthorityIsRefusedAndTheCallsHearOfIt() throws Exception {
        TlsOptions rogueClient = TlsOptions.builder()
                .identity(CERTIFICATES.rogueClient.key(), CERTIFICATES.rogueClient.chain())
                .trustAnchors(CERTIFICATES.ca)
                .build();
        try (AmpConnection client = connectTcp(serverOptions())) {
            CompletableFuture<Void> tls = client.startTls(rogueClient);
            CompletableFuture<TestCommands.Total> held = client.callRemote(TestCommands.SUM, new Operands(1, 1));
            // TLS 1.3: the client may finish its handshake before the server judges its
            // certificate; the refusal then reaches the outstanding call.
            assertInstanceOf(PeerVerifyException.class, Await.failure(held));
            Await.failureIfAny(tls).ifPresent(refused -> assertInstanceOf(PeerVerifyException.class, refused));
            Await.result(client.closeFuture());
            Await.result(accepted.get().closeFuture());
            assertInstanceOf(PeerVerifyException.class, accepted.get().closeCause(), String.valueOf(accepted.get().closeCause()));
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** One box read through {@code transport}, which must hold nothing after it. */
    private static Box readBox(TlsTransport transport) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (true) {
            buffer.clear();
            int count = transport.read(buffer, fd -> {});
            if (count < 0) {
                throw new java.io.EOFException("no box");
            }
            bytes.write(buffer.array(), 0, count);
            List<Box> boxes = BoxDecoder.parse(bytes.toByteArray());
            if (!boxes.isEmpty()) {
                assertEquals(1, boxes.size());
                return boxes.get(0);
            }
        }
    }
}
