package io.ampjava.tls;

import static io.ampjava.tls.TwistedTlsPeer.await;
import static io.ampjava.tls.TwistedTlsPeer.failure;
import static io.ampjava.tls.TwistedTlsPeer.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.Amp;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.CloseReason;
import io.ampjava.dispatch.ConnectionLostException;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.server.AmpServer;
import io.ampjava.testing.TwistedProcess;
import io.ampjava.testing.TwistedPython;
import io.ampjava.wire.Box;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a Twisted peer ({@code twisted_close_peer.py}) sees a connection that Java closes: a clean
 * {@code ConnectionDone}, not Twisted's "connection was closed in a non-clean fashion", with TLS
 * (Java says {@code close_notify} first) and without; and a graceful close that lets the call in
 * flight get its answer while new calls are refused.
 */
@Timeout(90)
class TwistedOrderlyCloseTest {
    private static final String SCRIPT = "twisted_close_peer.py";
    private static final TestCertificates CERTIFICATES = TestCertificates.shared();

    @TempDir
    static Path directory;

    @BeforeAll
    static void writeCertificates() throws Exception {
        TwistedPython.require(TwistedPython.Need.TWISTED_TLS);
        TestCertificates.write(directory.resolve("ca.pem"), TestCertificates.pem(CERTIFICATES.ca));
        TestCertificates.write(directory.resolve("server.pem"), CERTIFICATES.server.pem());
    }

    private static TwistedProcess twistedServer() throws Exception {
        return TwistedProcess.start(TwistedOrderlyCloseTest.class, SCRIPT, "serve", directory.toString());
    }

    private static int port(TwistedProcess twisted) throws InterruptedException {
        String ready = twisted.nextLine();
        assertTrue(ready.startsWith("READY "), ready);
        return Integer.parseInt(ready.substring("READY ".length()));
    }

    private static TlsOptions anonymousClient() {
        return TlsOptions.builder().trustAnchors(CERTIFICATES.ca).build();
    }

    @Test
    void closingATlsConnectionEndsItCleanlyForTwisted() throws Exception {
        try (TwistedProcess twisted = twistedServer()) {
            AmpConnection connection = Amp.connectTcp("127.0.0.1", port(twisted), ResponderLocator.NONE);
            assertEquals("3", await(sum(connection, 1, 2)).getString("total"));
            await(connection.startTls(anonymousClient()));
            assertEquals("7", await(sum(connection, 3, 4)).getString("total"));
            connection.close();
            assertEquals("LOST ConnectionDone", twisted.nextLine(), "close_notify, then the end of the stream");
            assertEquals(CloseReason.Kind.CLOSED_HERE, await(connection.closeFuture()).kind());
        }
    }

    @Test
    void closingAPlainConnectionEndsItCleanlyForTwisted() throws Exception {
        try (TwistedProcess twisted = twistedServer()) {
            AmpConnection connection = Amp.connectTcp("127.0.0.1", port(twisted), ResponderLocator.NONE);
            assertEquals("3", await(sum(connection, 1, 2)).getString("total"));
            connection.close();
            assertEquals("LOST ConnectionDone", twisted.nextLine());
        }
    }

    @Test
    void aGracefulCloseLetsTheCallInFlightFinishRefusesNewOnesAndEndsCleanly() throws Exception {
        try (TwistedProcess twisted = twistedServer()) {
            AmpConnection connection = Amp.connectTcp("127.0.0.1", port(twisted), ResponderLocator.NONE);
            await(connection.startTls(anonymousClient()));
            CompletableFuture<Box> slow = connection.callRemoteString("Slow", new Box().put("millis", "300"));
            CompletableFuture<CloseReason> closed = connection.closeGracefully(Duration.ofSeconds(10));
            assertInstanceOf(ConnectionLostException.class, failure(sum(connection, 1, 1)), "no new calls");
            assertEquals("True", await(slow).getString("done"), "the call in flight got its answer");
            CloseReason reason = await(closed);
            assertEquals(CloseReason.Kind.CLOSED_HERE, reason.kind());
            assertTrue(reason.isClean());
            assertEquals("LOST ConnectionDone", twisted.nextLine());
        }
    }

    @Test
    void aJavaServerThatClosesATlsConnectionEndsItCleanlyForATwistedClient() throws Exception {
        TlsOptions serverTls = TlsOptions.builder().identity(CERTIFICATES.server.key(), CERTIFICATES.server.chain()).build();
        try (AmpServer server = Amp.listenTcp("127.0.0.1", 0, () -> TwistedTlsPeer.sumAndStartTls(serverTls));
                TwistedProcess twisted = TwistedProcess.start(TwistedOrderlyCloseTest.class, SCRIPT, "connect",
                        Integer.toString(server.port()), directory.toString())) {
            assertEquals("READY", twisted.nextLine(), "Twisted upgraded and called through TLS");
            AmpConnection accepted = server.connections().get(0);
            accepted.closeGracefully(Duration.ofSeconds(5));
            assertEquals("LOST ConnectionDone", twisted.nextLine());
            assertEquals(0, twisted.awaitExit());
        }
    }
}
