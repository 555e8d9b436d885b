package io.ampjava.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.Amp;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ConnectionLostException;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.dispatch.StartTlsResponder;
import io.ampjava.server.AmpServer;
import io.ampjava.testing.Await;
import io.ampjava.testing.TwistedProcess;
import io.ampjava.wire.Box;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * What the StartTLS interop tests share: {@code twisted_tls_peer.py} as a server or a client, its
 * {@code Sum} and {@code Peer} commands seen from Java, and waiting on futures as long as Twisted
 * is given.
 */
final class TwistedTlsPeer implements AutoCloseable {
    private static final String SCRIPT = "twisted_tls_peer.py";

    final TwistedProcess process;
    final int port;

    private TwistedTlsPeer(TwistedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * A Twisted server answering StartTLS with {@code directory/identity.pem}; with {@code verify},
     * it demands a client certificate signed by {@code directory/ca.pem}.
     */
    static TwistedTlsPeer serve(Path directory, String identity, boolean verify) throws Exception {
        TwistedProcess twisted = TwistedProcess.start(TwistedTlsPeer.class, SCRIPT, "serve", directory.toString(), identity,
                verify ? "verify" : "no");
        try {
            String ready = twisted.nextLine();
            assertTrue(ready.startsWith("READY "), ready);
            return new TwistedTlsPeer(twisted, Integer.parseInt(ready.substring("READY ".length())));
        } catch (Throwable failed) {
            twisted.close();
            throw failed;
        }
    }

    /**
     * A Twisted client of {@code port} playing {@code scenario} with {@code directory/identity.pem},
     * verifying the peer against {@code directory/ca.pem} (see the script).
     */
    static TwistedProcess connect(int port, Path directory, String identity, String scenario) throws Exception {
        return TwistedProcess.start(TwistedTlsPeer.class, SCRIPT, "connect", Integer.toString(port), directory.toString(),
                identity, scenario);
    }

    /**
     * A Twisted client with {@code directory/client.pem} upgrades a connection to a Java server that
     * answers StartTLS with {@code tls}: a call before and one through TLS succeed, and Twisted, which
     * checks the server against {@code directory/ca.pem}, saw the certificate of {@code localhost}.
     */
    static void assertTwistedClientUpgrades(Path directory, TlsOptions tls) throws Exception {
        try (AmpServer server = Amp.listenTcp("127.0.0.1", 0, () -> sumAndStartTls(tls));
                TwistedProcess twisted = connect(server.port(), directory, "client", "upgrade")) {
            assertEquals("CONNECTED", twisted.nextLine());
            assertEquals("SUM 3", twisted.nextLine());
            assertEquals("SUM 7", twisted.nextLine(), "a call through TLS: each side accepted the other's certificate");
            assertEquals("PEER localhost", twisted.nextLine(), "Twisted verified and saw our certificate");
            assertEquals(0, twisted.awaitExit());
        }
    }

    /** A Java server's locator: the script's {@code Sum}, and StartTLS with {@code tls}. */
    static ResponderLocator sumAndStartTls(TlsOptions tls) {
        ResponderLocator sum = name -> name.equals("Sum") ? (request, connection) -> CompletableFuture.completedFuture(
                new Box().put("total", Long.toString(Long.parseLong(request.getString("a")) + Long.parseLong(request.getString("b")))))
                : null;
        return sum.or(StartTlsResponder.locator(tls));
    }

    static CompletableFuture<Box> sum(AmpConnection connection, long a, long b) {
        return connection.callRemoteString("Sum", new Box().put("a", Long.toString(a)).put("b", Long.toString(b)));
    }

    /** The script's view of the connection: {@code tls}, the peer's {@code cn}, the {@code sni} it received. */
    static Box peer(AmpConnection connection) throws Exception {
        return await(connection.callRemoteString("Peer", new Box()));
    }

    /** TLS handshakes with a Python peer take longer than a plain call: Twisted's own bound. */
    private static final Duration WITHIN = Duration.ofSeconds(TwistedProcess.TIMEOUT_SECONDS);

    static <T> T await(CompletableFuture<T> future) {
        return Await.result(future, WITHIN);
    }

    static Throwable failure(CompletableFuture<?> future) {
        return Await.failure(future, WITHIN);
    }

    @Override
    public void close() {
        process.close();
    }

    /**
     * The refusal a call made right after {@code startTls} failed with: the refusal itself if the
     * call was held during the negotiation, or the cause of the lost connection if the negotiation
     * had already failed when the call was made (the test thread does not control which).
     */
    static PeerVerifyException refusalOf(Throwable callFailure) {
        if (callFailure instanceof ConnectionLostException lost) {
            return assertInstanceOf(PeerVerifyException.class, lost.getCause(), "the reason the connection was lost");
        }
        return assertInstanceOf(PeerVerifyException.class, callFailure);
    }
}
