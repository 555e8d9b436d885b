package com.example.kv.server;

import com.example.kv.protocol.ChangedCommand;
import io.ampjava.dispatch.AmpConnection;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Calls {@code Changed} on a watching client: one call at a time, in the order the values were
 * stored, each after the client answered the one before. A client that falls too far behind is
 * disconnected rather than buffered for without end.
 */
final class ChangeNotifier implements KeyValueStore.Listener {
    private static final System.Logger LOG = System.getLogger(ChangeNotifier.class.getName());
    /** Changes not yet answered, past which the client is disconnected. */
    static final int MAX_BEHIND = 1_000;

    private final AmpConnection connection;
    private final Executor executor;
    private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
    private int behind;

    ChangeNotifier(AmpConnection connection, Executor executor) {
        this.connection = connection;
        this.executor = executor;
    }

    @Override
    public synchronized void stored(String key, byte[] value) {
        if (!connection.isOpen()) {
            return; // the watch ends with the connection
        }
        if (behind >= MAX_BEHIND) {
            LOG.log(Level.WARNING, connection.describe() + " is " + behind + " changes behind; disconnecting it");
            connection.close();
            return;
        }
        behind++;
        // Chained, and made on the executor: the store calls this under its lock, and a call may block
        // writing to a slow client.
        last = last.thenComposeAsync(ignored -> ChangedCommand.call(connection, key, value), executor)
                .handle((ignored, failure) -> {
                    answered(key, failure);
                    return null;
                });
    }

    private synchronized void answered(String key, Throwable failure) {
        behind--;
        if (failure != null && connection.isOpen()) {
            // A timeout (the server's call timeout) or an error from the client: the client misses this one.
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            LOG.log(Level.WARNING, "Changed(" + key + ") to " + connection.describe() + " failed: " + cause);
        }
    }
}
