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
import io.ampjava.testing.TwistedPython;
import io.ampjava.wire.Box;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TlsOptions.Builder#hostName} against real Twisted servers ({@code twisted_tls_peer.py}),
 * with certificates Python wrote ({@code make_pem.py}): a certificate for another name is refused
 * with both names in the StartTLS failure; the right DNS name or IP address passes, and Twisted
 * receives the DNS name as SNI; without a host name, any name passes, as before.
 */
@Timeout(90)
class TwistedHostNameTest {
    @TempDir
    static Path directory;

    @BeforeAll
    static void makeCertificates() throws Exception {
        TwistedPython.require(TwistedPython.Need.TWISTED_TLS); // skipped, or failed under CI=true, without it
        try (TwistedProcess make = TwistedProcess.start(TwistedHostNameTest.class, "make_pem.py", directory.toString())) {
            assertEquals("MADE", make.nextLine());
            assertEquals(0, make.awaitExit());
        }
    }

    private static TlsOptions.Builder client() {
        return TlsOptions.builder().trustAnchorsFromPem(directory.resolve("ca.pem"));
    }

    /** StartTLS to {@code twisted} with {@code options}, then a call through TLS; Twisted's view of it. */
    private static Box upgrade(TwistedTlsPeer twisted, TlsOptions options) throws Exception {
        try (AmpConnection connection = Amp.connectTcp("127.0.0.1", twisted.port, ResponderLocator.NONE)) {
            await(connection.startTls(options));
            assertEquals("5", await(sum(connection, 2, 3)).getString("total"));
            return TwistedTlsPeer.peer(connection);
        }
    }

    /** StartTLS to {@code twisted} with {@code options}, which must fail; the failure's message. */
    private static String refused(TwistedTlsPeer twisted, TlsOptions options) throws Exception {
        try (AmpConnection connection = Amp.connectTcp("127.0.0.1", twisted.port, ResponderLocator.NONE)) {
            assertEquals("3", await(sum(connection, 1, 2)).getString("total"));
            CompletableFuture<Void> tls = connection.startTls(options);
            CompletableFuture<Box> held = sum(connection, 1, 1);
            PeerVerifyException refused = assertInstanceOf(PeerVerifyException.class, failure(tls));
            TwistedTlsPeer.refusalOf(failure(held));
            await(connection.closeFuture());
            return refused.getMessage();
        }
    }

    @Test
    void aTwistedServerWithACertificateForAnotherNameIsRefusedWithBothNamesAndPassesWithoutAHostName() throws Exception {
        try (TwistedTlsPeer twisted = TwistedTlsPeer.serve(directory, "other", false)) {
            String message = refused(twisted, client().hostName("localhost").build());
            assertTrue(message.contains("TLS refused: the server's certificate is for DNS:other.example,"
                    + " not for the expected host localhost"), message);

            Box unchecked = upgrade(twisted, client().build());
            assertEquals("True", unchecked.getString("tls"));
            assertEquals("", unchecked.getString("sni"), "no host name, no SNI");
        }
    }

    @Test
    void theRightNamePassesAndTwistedReceivesItAsSni() throws Exception {
        try (TwistedTlsPeer twisted = TwistedTlsPeer.serve(directory, "localhost", false)) {
            assertEquals("localhost", upgrade(twisted, client().hostName("localhost").build()).getString("sni"));
            // The same certificate names IP:127.0.0.1; an IP address goes in no SNI.
            assertEquals("", upgrade(twisted, client().hostName("127.0.0.1").build()).getString("sni"));
        }
    }

    @Test
    void anIpAddressNeedsAnIpNameInTheCertificate() throws Exception {
        try (TwistedTlsPeer twisted = TwistedTlsPeer.serve(directory, "ip", false)) {
            assertEquals("True", upgrade(twisted, client().hostName("127.0.0.1").build()).getString("tls"));
            String message = refused(twisted, client().hostName("localhost").build());
            assertTrue(message.contains("the server's certificate is for IP:127.0.0.1, CN=127.0.0.1, not for the expected host localhost"),
                    message);
        }
        try (TwistedTlsPeer twisted = TwistedTlsPeer.serve(directory, "dns", false)) {
            String message = refused(twisted, client().hostName("127.0.0.1").build());
            assertTrue(message.contains("the server's certificate is for DNS:localhost, not for the expected host 127.0.0.1"), message);
            X509Certificate presented;
            try (AmpConnection connection = Amp.connectTcp("127.0.0.1", twisted.port, ResponderLocator.NONE)) {
                await(connection.startTls(client().hostName("localhost").build()));
                presented = (X509Certificate) connection.tlsSession().orElseThrow().getPeerCertificates()[0];
            }
            assertEquals("CN=localhost", presented.getSubjectX500Principal().getName());
        }
    }
}
