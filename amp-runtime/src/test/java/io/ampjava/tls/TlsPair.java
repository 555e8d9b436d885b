package io.ampjava.tls;

import io.ampjava.transport.InMemoryTransport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSession;

/** Two {@link TlsTransport}s over an in-memory pair, handshaking with each other. */
final class TlsPair {
    /** The sessions of a handshake that both sides completed. */
    record Sessions(SSLSession client, SSLSession server) {}

    private TlsPair() {}

    /**
     * Runs both handshakes, the server's on another thread.
     *
     * @throws PeerVerifyException the client's, when it refuses or is refused; the server's
     *     handshake has ended by then too
     */
    static Sessions handshake(TlsOptions client, TlsOptions server) throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair(InMemoryTransport.DEFAULT_CAPACITY, false);
        try (TlsTransport left = TlsTransport.over(pair.left(), client);
                TlsTransport right = TlsTransport.over(pair.right(), server)) {
            CompletableFuture<Void> serverSide = CompletableFuture.runAsync(() -> {
                try {
                    right.handshake();
                } catch (PeerVerifyException e) {
                    throw new CompletionException(e);
                }
            });
            try {
                left.handshake();
            } catch (PeerVerifyException refused) {
                pair.left().close(); // the server's handshake ends too
                try {
                    serverSide.get(10, TimeUnit.SECONDS);
                } catch (ExecutionException serverFailed) {
                    // the client's refusal, seen from the server
                }
                throw refused;
            }
            serverSide.get(10, TimeUnit.SECONDS);
            return new Sessions(left.session(), right.session());
        }
    }
}
