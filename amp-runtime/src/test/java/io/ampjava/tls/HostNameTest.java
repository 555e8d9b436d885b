package io.ampjava.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.Amp;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.dispatch.StartTlsResponder;
import io.ampjava.server.AmpServer;
import io.ampjava.transport.TransportRole;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link TlsOptions.Builder#hostName}: the JDK's host check on the server's certificate, SNI, and
 * refusals that name the expected host and the certificate's names. Two TLS transports over
 * in-memory pairs, and two runtimes over TCP for the StartTLS future.
 */
@Timeout(30)
class HostNameTest {
    private static final TestCertificates CERTIFICATES = TestCertificates.shared();
    /** The test CA's server certificate names DNS:localhost and IP:127.0.0.1. */
    private static final TestCertificates.Identity LOCALHOST = CERTIFICATES.server;
    private static final TestCertificates.Identity OTHER = CERTIFICATES.serverNamed("other.example", "other.example");

    private static TlsOptions.Builder client(String host) {
        return TlsOptions.builder().trustAnchors(CERTIFICATES.ca).hostName(host).role(TransportRole.CLIENT);
    }

    private static TlsOptions server(TestCertificates.Identity identity) {
        return TlsOptions.builder().identity(identity.key(), identity.chain()).role(TransportRole.SERVER).build();
    }

    /** Both handshakes; the server's session, or the client's refusal. */
    private static ExtendedSSLSession handshake(TlsOptions client, TlsOptions server) throws Exception {
        return (ExtendedSSLSession) TlsPair.handshake(client, server).server();
    }

    private static PeerVerifyException refused(TlsOptions client, TlsOptions server) {
        return assertThrows(PeerVerifyException.class, () -> handshake(client, server));
    }

    @Test
    void theRightHostNamePassesAndIsSentAsSni() throws Exception {
        ExtendedSSLSession serverSession = handshake(client("localhost").build(), server(LOCALHOST));
        assertEquals(List.of(new SNIHostName("localhost")), serverSession.getRequestedServerNames());
    }

    @Test
    void aCertificateForAnotherHostIsRefusedNamingTheExpectedAndThePresentedNames() {
        PeerVerifyException refused = refused(client("localhost").build(), server(OTHER));
        String message = refused.getMessage();
        assertTrue(message.contains("the server's certificate is for DNS:other.example, not for the expected host localhost"),
                message);
        assertTrue(message.contains("No subject alternative DNS name matching localhost"), "the JDK's own words: " + message);
    }

    @Test
    void anIpAddressMatchesTheCertificatesIpNamesAndSendsNoSni() throws Exception {
        ExtendedSSLSession serverSession = handshake(client("127.0.0.1").build(), server(LOCALHOST));
        assertEquals(List.<SNIServerName>of(), serverSession.getRequestedServerNames(), "SNI carries no IP address");

        TestCertificates.Identity dnsOnly = CERTIFICATES.serverNamed("localhost", "localhost");
        String message = refused(client("127.0.0.1").build(), server(dnsOnly)).getMessage();
        assertTrue(message.contains("the server's certificate is for DNS:localhost, not for the expected host 127.0.0.1"), message);

        TestCertificates.Identity otherIp = CERTIFICATES.serverNamed("elsewhere", "10.1.2.3");
        message = refused(client("127.0.0.1").build(), server(otherIp)).getMessage();
        assertTrue(message.contains("the server's certificate is for IP:10.1.2.3, CN=elsewhere, not for the expected host 127.0.0.1"),
                message);
    }

    @Test
    void anIpv6AddressWithOrWithoutBracketsMatchesAnIpv6Name() throws Exception {
        TestCertificates.Identity ipv6 = CERTIFICATES.serverNamed("ipv6", "::1");
        handshake(client("[::1]").build(), server(ipv6));
        handshake(client("0:0:0:0:0:0:0:1").build(), server(ipv6));
        String message = refused(client("::1").build(), server(LOCALHOST)).getMessage();
        assertTrue(message.contains("the server's certificate is for DNS:localhost, IP:127.0.0.1, not for the expected host ::1"),
                message);
    }

    @Test
    void aCertificateWithoutAlternativeNamesIsJudgedByItsCommonName() throws Exception {
        handshake(client("localhost").build(), server(CERTIFICATES.serverNamed("localhost")));
        String message = refused(client("localhost").build(), server(CERTIFICATES.serverNamed("other.example"))).getMessage();
        assertTrue(message.contains("the server's certificate is for CN=other.example, not for the expected host localhost"), message);
    }

    @Test
    void withoutAHostNameAnyHostsCertificateFromATrustedAuthorityPasses() throws Exception {
        TlsOptions unchecked = TlsOptions.builder().trustAnchors(CERTIFICATES.ca).role(TransportRole.CLIENT).build();
        ExtendedSSLSession serverSession = handshake(unchecked, server(OTHER));
        assertEquals(List.<SNIServerName>of(), serverSession.getRequestedServerNames());
        assertTrue(unchecked.hostName().isEmpty());
    }

    @Test
    void anUntrustedChainIsRefusedForItsChainNotForItsName() {
        TestCertificates.Identity rogue = CERTIFICATES.rogueServer; // names localhost, from the rogue CA
        String message = refused(client("other.example").build(), server(rogue)).getMessage();
        assertFalse(message.contains("expected host"), message);
        assertTrue(message.contains("PKIX"), message);
    }

    @Test
    void endpointIdentificationSetThroughConfigureEngineWorksOnceTheHostIsKnown() throws Exception {
        TlsOptions client = client("localhost").configureEngine(engine -> {
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(parameters);
        }).build();
        handshake(client, server(LOCALHOST));
        assertInstanceOf(PeerVerifyException.class, refused(client, server(OTHER)));
    }

    @Test
    void aReadyContextIsCheckedTooInTheJdksWords() throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", CERTIFICATES.ca);
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        TlsOptions client = TlsOptions.builder().sslContext(context).hostName("localhost").role(TransportRole.CLIENT).build();
        handshake(client, server(LOCALHOST));
        String message = refused(client, server(OTHER)).getMessage();
        assertTrue(message.contains("No subject alternative DNS name matching localhost"), message);
    }

    @Test
    void aHostNameMustBeOneAndNeedsTheServerVerified() {
        IllegalStateException untrusted = assertThrows(IllegalStateException.class,
                () -> TlsOptions.builder().hostName("localhost").build());
        assertTrue(untrusted.getMessage().startsWith("checking the host name needs the peer verified"), untrusted.getMessage());
        assertThrows(IllegalStateException.class,
                () -> TlsOptions.builder().trustAnchors(CERTIFICATES.ca).verifyPeer(false).hostName("localhost").build());
        assertEquals("not a host name: \"\" (Server name value of host_name cannot be empty)",
                assertThrows(IllegalArgumentException.class, () -> TlsOptions.builder().hostName("")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TlsOptions.builder().hostName("a..b")).getMessage()
                .startsWith("not a host name: \"a..b\" ("));
        assertEquals("::1", client("[::1]").build().hostName().orElseThrow());
        assertTrue(client("localhost").build().toString().contains("host localhost"));
    }

    @Test
    void asTheTlsServerTheHostNameIsIgnored() throws Exception {
        TlsOptions serverWithHost = TlsOptions.builder()
                .identity(OTHER.key(), OTHER.chain())
                .trustAnchors(CERTIFICATES.ca)
                .hostName("localhost")
                .role(TransportRole.SERVER)
                .build();
        TlsOptions client = TlsOptions.builder()
                .identity(CERTIFICATES.client.key(), CERTIFICATES.client.chain())
                .trustAnchors(CERTIFICATES.ca)
                .role(TransportRole.CLIENT)
                .build();
        handshake(client, serverWithHost); // the client's certificate names no "localhost" host it is judged by
    }

    @Test
    void overTcpStartTlsFailsWithTheNamesAndTheRightNamePasses() throws Exception {
        for (TestCertificates.Identity identity : List.of(OTHER, LOCALHOST)) {
            TlsOptions serverTls = TlsOptions.builder().identity(identity.key(), identity.chain()).build();
            try (AmpServer server = Amp.listenTcp("127.0.0.1", 0, () -> StartTlsResponder.locator(serverTls));
                    AmpConnection connection = Amp.connectTcp("127.0.0.1", server.port(), ResponderLocator.NONE)) {
                CompletableFuture<Void> tls = connection.startTls(TlsOptions.builder().trustAnchors(CERTIFICATES.ca).hostName("localhost").build());
                if (identity == LOCALHOST) {
                    tls.get(10, TimeUnit.SECONDS);
                    assertEquals(LOCALHOST.certificate(), connection.tlsSession().orElseThrow().getPeerCertificates()[0]);
                } else {
                    ExecutionException failed = assertThrows(ExecutionException.class, () -> tls.get(10, TimeUnit.SECONDS));
                    PeerVerifyException refused = assertInstanceOf(PeerVerifyException.class, failed.getCause());
                    assertTrue(refused.getMessage().contains("is for DNS:other.example, not for the expected host localhost"),
                            refused.getMessage());
                    connection.closeFuture().get(10, TimeUnit.SECONDS);
                }
            }
        }
    }
}
