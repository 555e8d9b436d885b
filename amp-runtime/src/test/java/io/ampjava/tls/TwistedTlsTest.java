package io.ampjava.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.Amp;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.dispatch.StartTlsResponder;
import io.ampjava.testing.Await;
import io.ampjava.testing.TwistedProcess;
import io.ampjava.testing.TwistedPython;
import io.ampjava.server.AmpServer;
import io.ampjava.wire.Box;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * StartTLS against real Twisted ({@code twisted_tls_peer.py}), both ways: a Java client upgrades a
 * connection to a Twisted server, a Twisted client upgrades one to a Java server, and a Java server
 * asks a Twisted client. Calls before and after the upgrade succeed, both sides see each other's
 * certificate, and a certificate from another authority is refused on either side.
 */
@Timeout(90)
class TwistedTlsTest {
    private static final String SCRIPT = "twisted_tls_peer.py";
    private static final TestCertificates CERTIFICATES = TestCertificates.shared();

    @TempDir
    static Path directory;

    @BeforeAll
    static void writeCertificates() throws Exception {
        TwistedPython.require(TwistedPython.Need.TWISTED_TLS); // the script's StartTLS needs pyOpenSSL
        TestCertificates.write(directory.resolve("ca.pem"), TestCertificates.pem(CERTIFICATES.ca));
        TestCertificates.write(directory.resolve("server.pem"), CERTIFICATES.server.pem());
        TestCertificates.write(directory.resolve("client.pem"), CERTIFICATES.client.pem());
        TestCertificates.write(directory.resolve("rogue_server.pem"), CERTIFICATES.rogueServer.pem());
    }

    private static TlsOptions javaClient(TestCertificates.Identity identity) {
        return TlsOptions.builder().identity(identity.key(), identity.chain()).trustAnchors(CERTIFICATES.ca).build();
    }

    private static ResponderLocator javaServer(TestCertificates.Identity identity) {
        TlsOptions tls = TlsOptions.builder().identity(identity.key(), identity.chain()).trustAnchors(CERTIFICATES.ca).build();
        ResponderLocator sum = name -> name.equals("Sum") ? (request, connection) -> CompletableFuture.completedFuture(
                new Box().put("total", Long.toString(Long.parseLong(request.getString("a")) + Long.parseLong(request.getString("b")))))
                : null;
        return sum.or(StartTlsResponder.locator(tls));
    }

    private static CompletableFuture<Box> sum(AmpConnection connection, long a, long b) {
        return connection.callRemoteString("Sum", new Box().put("a", Long.toString(a)).put("b", Long.toString(b)));
    }

    private static int readyPort(TwistedProcess twisted) throws InterruptedException {
        String ready = twisted.nextLine();
        assertTrue(ready.startsWith("READY "), ready);
        return Integer.parseInt(ready.substring("READY ".length()));
    }

    @Test
    void aJavaClientUpgradesAConnectionToATwistedServer() throws Exception {
        try (TwistedProcess twisted = TwistedProcess.start(TwistedTlsTest.class, SCRIPT, "serve", directory.toString(), "server", "verify");
                AmpConnection connection = Amp.connectTcp("127.0.0.1", readyPort(twisted), ResponderLocator.NONE)) {
            assertEquals("3", Await.result(sum(connection, 1, 2)).getString("total"));
            CompletableFuture<Void> tls = connection.startTls(javaClient(CERTIFICATES.client));
            CompletableFuture<Box> held = sum(connection, 20, 22); // sent after the request: goes through TLS
            Await.result(tls);
            assertEquals("42", Await.result(held).getString("total"));

            Box peer = Await.result(connection.callRemoteString("Peer", new Box()));
            assertEquals("True", peer.getString("tls"));
            assertEquals("amp-java test client", peer.getString("cn"), "Twisted verified and saw our certificate");
            assertEquals("TLS amp-java test client", twisted.nextLine());
            assertEquals(CERTIFICATES.server.certificate(), connection.tlsSession().orElseThrow().getPeerCertificates()[0]);
            assertEquals("7", Await.result(sum(connection, 3, 4)).getString("total"));
        }
    }

    @Test
    void aJavaClientRefusesATwistedServerCertificateFromAnotherAuthority() throws Exception {
        try (TwistedProcess twisted = TwistedProcess.start(TwistedTlsTest.class, SCRIPT, "serve", directory.toString(), "rogue_server", "no");
                AmpConnection connection = Amp.connectTcp("127.0.0.1", readyPort(twisted), ResponderLocator.NONE)) {
            assertEquals("3", Await.result(sum(connection, 1, 2)).getString("total"));
            CompletableFuture<Void> tls = connection.startTls(javaClient(CERTIFICATES.client));
            CompletableFuture<Box> held = sum(connection, 1, 1);
            PeerVerifyException refused = assertInstanceOf(PeerVerifyException.class, Await.failure(tls));
            assertTrue(refused.getMessage().contains("TLS refused"), refused.getMessage());
            assertInstanceOf(PeerVerifyException.class, Await.failure(held));
            Await.result(connection.closeFuture());
        }
    }

    @Test
    void aTwistedServerRefusesAJavaClientCertificateFromAnotherAuthority() throws Exception {
        try (TwistedProcess twisted = TwistedProcess.start(TwistedTlsTest.class, SCRIPT, "serve", directory.toString(), "server", "verify");
                AmpConnection connection = Amp.connectTcp("127.0.0.1", readyPort(twisted), ResponderLocator.NONE)) {
            CompletableFuture<Void> tls = connection.startTls(javaClient(CERTIFICATES.rogueClient));
            CompletableFuture<Box> held = sum(connection, 1, 1);
            // TLS 1.3: our side of the handshake may finish before OpenSSL judges our certificate;
            // its refusal then reaches the outstanding call.
            assertInstanceOf(PeerVerifyException.class, Await.failure(held));
            Await.failureIfAny(tls).ifPresent(refused -> assertInstanceOf(PeerVerifyException.class, refused));
            Await.result(connection.closeFuture());
        }
    }

    @Test
    void aTwistedClientUpgradesAConnectionToAJavaServer() throws Exception {
        try (AmpServer server = Amp.listenTcp("127.0.0.1", 0, () -> javaServer(CERTIFICATES.server));
                TwistedProcess twisted = TwistedProcess.start(TwistedTlsTest.class, SCRIPT, "connect", Integer.toString(server.port()),
                        directory.toString(), "client", "upgrade")) {
            assertEquals("CONNECTED", twisted.nextLine());
            assertEquals("SUM 3", twisted.nextLine());
            assertEquals("SUM 7", twisted.nextLine(), "a call through TLS");
            assertEquals("PEER localhost", twisted.nextLine(), "Twisted verified and saw our certificate");
            assertEquals(0, twisted.awaitExit());
        }
    }

    @Test
    void aTwistedClientRefusesAJavaServerCertificateFromAnotherAuthority() throws Exception {
        try (AmpServer server = Amp.listenTcp("127.0.0.1", 0, () -> javaServer(CERTIFICATES.rogueServer));
                TwistedProcess twisted = TwistedProcess.start(TwistedTlsTest.class, SCRIPT, "connect", Integer.toString(server.port()),
                        directory.toString(), "client", "upgrade")) {
            assertEquals("CONNECTED", twisted.nextLine());
            assertEquals("SUM 3", twisted.nextLine());
            String refused = twisted.nextLine();
            assertTrue(refused.startsWith("REFUSED "), refused);
            assertEquals(0, twisted.awaitExit());
        }
    }

    @Test
    void aJavaServerAsksATwistedClientWhichStaysTheTlsClient() throws Exception {
        try (AmpServer server = Amp.listenTcp("127.0.0.1", 0, () -> javaServer(CERTIFICATES.server));
                TwistedProcess twisted = TwistedProcess.start(TwistedTlsTest.class, SCRIPT, "connect", Integer.toString(server.port()),
                        directory.toString(), "client", "answer")) {
            assertEquals("CONNECTED", twisted.nextLine());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (server.connections().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5); // the accept thread registers it a moment after Twisted connected
            }
            AmpConnection connection = server.connections().get(0);
            assertEquals("5", Await.result(sum(connection, 2, 3)).getString("total"));
            // Twisted answers, then at once sends its ClientHello (it connected: it is the TLS
            // client), most likely in the same read as the answer.
            Await.result(connection.startTls(javaClient(CERTIFICATES.server)));
            assertEquals(CERTIFICATES.client.certificate(), connection.tlsSession().orElseThrow().getPeerCertificates()[0]);
            assertEquals("SUM 42", twisted.nextLine(), "Twisted's call through TLS");
            assertEquals("PEER localhost", twisted.nextLine());
            assertEquals(0, twisted.awaitExit());
        }
    }
}
