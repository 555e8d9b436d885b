package io.ampjava.tls;

import static io.ampjava.tls.TwistedTlsPeer.await;
import static io.ampjava.tls.TwistedTlsPeer.failure;
import static io.ampjava.transport.SocketCommands.OPEN_PIPE;
import static io.ampjava.transport.SocketCommands.SUM;
import static io.ampjava.transport.SocketCommands.WRITE_INTO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.Amp;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.dispatch.StartTlsResponder;
import io.ampjava.server.AmpServer;
import io.ampjava.testing.TwistedProcess;
import io.ampjava.testing.TwistedPython;
import io.ampjava.transport.SocketCommands;
import io.ampjava.transport.SocketCommands.Operands;
import io.ampjava.transport.SocketCommands.WriteIntoArguments;
import io.ampjava.types.BadArgumentException;
import io.ampjava.types.Descriptor;
import io.ampjava.wire.Box;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * StartTLS over a Unix socket against real Twisted ({@code twisted_unix_tls_peer.py}), both ways,
 * with calls before, during and after the upgrade, and descriptors: those passed before the upgrade
 * stay valid; after it, a descriptor cannot travel inside TLS, which fails clearly on the side that
 * tries (Java refuses to send one; Twisted sends one, which Java cannot claim).
 */
@Timeout(90)
class TwistedUnixTlsTest {
    private static final String SCRIPT = "twisted_unix_tls_peer.py";
    private static final TestCertificates CERTIFICATES = TestCertificates.shared();

    @TempDir
    static Path directory;

    @BeforeAll
    static void writeCertificates() throws Exception {
        TwistedPython.require(TwistedPython.Need.TWISTED_TLS);
        TestCertificates.write(directory.resolve("ca.pem"), TestCertificates.pem(CERTIFICATES.ca));
        TestCertificates.write(directory.resolve("server.pem"), CERTIFICATES.server.pem());
        TestCertificates.write(directory.resolve("client.pem"), CERTIFICATES.client.pem());
    }

    private static TlsOptions tls(TestCertificates.Identity identity) {
        return TlsOptions.builder().identity(identity.key(), identity.chain()).trustAnchors(CERTIFICATES.ca).build();
    }

    @Test
    void aJavaClientUpgradesAUnixConnectionToATwistedServer() throws Exception {
        Path socket = directory.resolve("twisted.sock");
        try (TwistedProcess twisted = TwistedProcess.start(TwistedUnixTlsTest.class, SCRIPT, "serve", socket.toString(),
                directory.toString())) {
            assertEquals("READY", twisted.nextLine());
            try (AmpConnection connection = Amp.connectUnix(socket, ResponderLocator.NONE)) {
                assertEquals(3L, await(connection.callRemote(SUM, new Operands(1, 2))));
                Descriptor kept = await(connection.callRemote(OPEN_PIPE, "received before TLS"));
                assertEquals("before", writtenThrough(connection, "before"));

                CompletableFuture<Void> upgrade = connection.startTls(tls(CERTIFICATES.client));
                CompletableFuture<Long> during = connection.callRemote(SUM, new Operands(20, 22)); // held, then through TLS
                await(upgrade);
                assertEquals(42L, await(during));
                assertEquals(7L, await(connection.callRemote(SUM, new Operands(3, 4))));
                Box peer = await(connection.callRemoteString("Peer", new Box()));
                assertEquals("True", peer.getString("tls"));
                assertEquals("amp-java test client", peer.getString("cn"), "Twisted verified our certificate");

                try (kept) {
                    assertEquals("received before TLS", new String(kept.readAll(), StandardCharsets.UTF_8),
                            "a descriptor received before the upgrade stays valid");
                }
                try (Descriptor.Pipe pipe = Descriptor.pipe()) {
                    Throwable refused = failure(connection.callRemote(WRITE_INTO,
                            new WriteIntoArguments(pipe.writeEnd(), "after")));
                    assertInstanceOf(UnsupportedOperationException.class, refused);
                    assertTrue(refused.getMessage().contains("a descriptor cannot travel inside TLS"), refused.getMessage());
                }
                Throwable unclaimed = failure(connection.callRemote(OPEN_PIPE, "sent inside TLS"));
                assertInstanceOf(BadArgumentException.class, unclaimed);
                assertTrue(unclaimed.getMessage().contains("TLS runs on this connection"), unclaimed.getMessage());
                assertEquals(11L, await(connection.callRemote(SUM, new Operands(5, 6))), "the connection carries on");
                assertTrue(connection.isOpen());
            }
        }
    }

    @Test
    void aTwistedClientUpgradesAUnixConnectionToAJavaServer() throws Exception {
        Path socket = directory.resolve("java.sock");
        ResponderLocator locator = SocketCommands.service()
                .or(StartTlsResponder.locator(tls(CERTIFICATES.server)))
                .or(name -> name.equals("Peer") ? (request, connection) -> CompletableFuture.completedFuture(peer(connection))
                        : null);
        try (AmpServer server = Amp.listenUnix(socket, () -> locator);
                TwistedProcess twisted = TwistedProcess.start(TwistedUnixTlsTest.class, SCRIPT, "connect",
                        socket.toString(), directory.toString())) {
            assertEquals("CONNECTED", twisted.nextLine());
            assertEquals("SUM 3", twisted.nextLine());
            assertEquals("PIPE before", twisted.nextLine(), "a descriptor from Twisted before TLS");
            assertEquals("SUM 42", twisted.nextLine(), "a call made during the upgrade");
            assertEquals("SUM 7", twisted.nextLine(), "a call through TLS");
            assertEquals("PEER True amp-java test client", twisted.nextLine(), "Java saw Twisted's certificate");
            assertEquals("REFUSED UnknownRemoteError", twisted.nextLine(),
                    "a descriptor Twisted sends inside TLS cannot be claimed");
            assertEquals("LOST", twisted.nextLine());
            assertEquals(0, twisted.awaitExit());
        }
    }

    /** Has the peer write {@code text} into a pipe of ours, and reads it back. */
    private static String writtenThrough(AmpConnection connection, String text) throws Exception {
        try (Descriptor.Pipe pipe = Descriptor.pipe()) {
            await(connection.callRemote(WRITE_INTO, new WriteIntoArguments(pipe.writeEnd(), text)));
            pipe.writeEnd().close();
            return new String(pipe.readEnd().readAll(), StandardCharsets.UTF_8);
        }
    }

    private static Box peer(AmpConnection connection) {
        return connection.tlsSession().map(session -> {
            try {
                String subject = ((java.security.cert.X509Certificate) session.getPeerCertificates()[0])
                        .getSubjectX500Principal().getName();
                return new Box().put("tls", "True").put("cn", subject.replaceFirst("^CN=([^,]*).*$", "$1"));
            } catch (javax.net.ssl.SSLPeerUnverifiedException unverified) {
                return new Box().put("tls", "True").put("cn", "");
            }
        }).orElseGet(() -> new Box().put("tls", "False").put("cn", ""));
    }
}
