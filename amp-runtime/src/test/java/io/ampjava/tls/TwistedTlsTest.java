package io.ampjava.tls;

import static io.ampjava.tls.TwistedTlsPeer.await;
import static io.ampjava.tls.TwistedTlsPeer.failure;
import static io.ampjava.tls.TwistedTlsPeer.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.Amp;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.testing.TwistedProcess;
import io.ampjava.server.AmpServer;
import io.ampjava.testing.TwistedPython;
import io.ampjava.wire.Box;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
    private static final TestCertificates CERTIFICATES = TestCertificates.shared();

    @TempDir
    static Path directory;

    @BeforeAll
    static void writeCertificates() throws Exception {
        TwistedPython.require(TwistedPython.Need.TWISTED_TLS); // skipped, or failed under CI=true, without it
        TestCertificates.write(directory.resolve("ca.pem"), TestCertificates.pem(CERTIFICATES.ca));
        TestCertificates.write(directory.resolve("server.pem"), CERTIFICATES.server.pem());
        TestCertificates.write(directory.resolve("client.pem"), CERTIFICATES.client.pem());
        TestCertificates.write(directory.resolve("rogue_server.pem"), CERTIFICATES.rogueServer.pem());
    }

    private static TlsOptions javaClient(TestCertificates.Identity identity) {
        return TlsOptions.builder().identity(identity.key(), identity.chain()).trustAnchors(CERTIFICATES.ca).build();
    }

    private static TlsOptions javaServerTls(TestCertificates.Identity identity) {
        return TlsOptions.builder().identity(identity.key(), identity.chain()).trustAnchors(CERTIFICATES.ca).build();
    }

    private static ResponderLocator javaServer(TestCertificates.Identity identity) {
        return TwistedTlsPeer.sumAndStartTls(javaServerTls(identity));
    }

    @Test
    void aJavaClientUpgradesAConnectionToATwistedServer() throws Exception {
        try (TwistedTlsPeer twisted = TwistedTlsPeer.serve(directory, "server", true);
                AmpConnection connection = Amp.connectTcp("127.0.0.1", twisted.port, ResponderLocator.NONE)) {
            assertEquals("3", await(sum(connection, 1, 2)).getString("total"));
            CompletableFuture<Void> tls = connection.startTls(javaClient(CERTIFICATES.client));
            CompletableFuture<Box> held = sum(connection, 20, 22); // sent after the request: goes through TLS
            await(tls);
            assertEquals("42", await(held).getString("total"));

            Box peer = TwistedTlsPeer.peer(connection);
            assertEquals("True", peer.getString("tls"));
            assertEquals("amp-java test client", peer.getString("cn"), "Twisted verified and saw our certificate");
            assertEquals("TLS amp-java test client", twisted.process.nextLine());
            assertEquals(CERTIFICATES.server.certificate(), connection.tlsSession().orElseThrow().getPeerCertificates()[0]);
            assertEquals("7", await(sum(connection, 3, 4)).getString("total"));
        }
    }

    @Test
    void aJavaClientRefusesATwistedServerCertificateFromAnotherAuthority() throws Exception {
        try (TwistedTlsPeer twisted = TwistedTlsPeer.serve(directory, "rogue_server", false);
                AmpConnection connection = Amp.connectTcp("127.0.0.1", twisted.port, ResponderLocator.NONE)) {
            assertEquals("3", await(sum(connection, 1, 2)).getString("total"));
            CompletableFuture<Void> tls = connection.startTls(javaClient(CERTIFICATES.client));
            CompletableFuture<Box> held = sum(connection, 1, 1);
            PeerVerifyException refused = assertInstanceOf(PeerVerifyException.class, failure(tls));
            assertTrue(refused.getMessage().contains("TLS refused"), refused.getMessage());
            TwistedTlsPeer.refusalOf(failure(held));
            await(connection.closeFuture());
        }
    }

    @Test
    void aTwistedServerRefusesAJavaClientCertificateFromAnotherAuthority() throws Exception {
        try (TwistedTlsPeer twisted = TwistedTlsPeer.serve(directory, "server", true);
                AmpConnection connection = Amp.connectTcp("127.0.0.1", twisted.port, ResponderLocator.NONE)) {
            CompletableFuture<Void> tls = connection.startTls(javaClient(CERTIFICATES.rogueClient));
            CompletableFuture<Box> held = sum(connection, 1, 1);
            // TLS 1.3: our side of the handshake may finish before OpenSSL judges our certificate;
            // its refusal then reaches the outstanding call.
            TwistedTlsPeer.refusalOf(failure(held));
            try {
                tls.get(TwistedProcess.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException refused) {
                assertInstanceOf(PeerVerifyException.class, refused.getCause());
            }
            await(connection.closeFuture());
        }
    }

    @Test
    void aTwistedClientUpgradesAConnectionToAJavaServer() throws Exception {
        TwistedTlsPeer.assertTwistedClientUpgrades(directory, javaServerTls(CERTIFICATES.server));
    }

    @Test
    void aTwistedClientRefusesAJavaServerCertificateFromAnotherAuthority() throws Exception {
        try (AmpServer server = Amp.listenTcp("127.0.0.1", 0, () -> javaServer(CERTIFICATES.rogueServer));
                TwistedProcess twisted = TwistedTlsPeer.connect(server.port(), directory, "client", "upgrade")) {
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
                TwistedProcess twisted = TwistedTlsPeer.connect(server.port(), directory, "client", "answer")) {
            assertEquals("CONNECTED", twisted.nextLine());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (server.connections().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5); // the accept thread registers it a moment after Twisted connected
            }
            AmpConnection connection = server.connections().get(0);
            assertEquals("5", await(sum(connection, 2, 3)).getString("total"));
            // Twisted answers, then at once sends its ClientHello (it connected: it is the TLS
            // client), most likely in the same read as the answer.
            await(connection.startTls(javaClient(CERTIFICATES.server)));
            assertEquals(CERTIFICATES.client.certificate(), connection.tlsSession().orElseThrow().getPeerCertificates()[0]);
            assertEquals("SUM 42", twisted.nextLine(), "Twisted's call through TLS");
            assertEquals("PEER localhost", twisted.nextLine());
            assertEquals(0, twisted.awaitExit());
        }
    }
}
