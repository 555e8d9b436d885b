package com.example.kv;

import com.example.kv.client.KeyValueClient;
import com.example.kv.server.KeyValueServer;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ConnectionOptions;
import io.ampjava.dispatch.ResponderLocator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A key-value server on a Unix socket and on TCP, and connections to it, all closed together. */
final class Servers implements AutoCloseable {
    /** The two ways to reach the server. */
    enum Kind { UNIX, TCP }

    final KeyValueServer server = new KeyValueServer();
    final Endpoint unix;
    final Endpoint tcp;
    final ExecutorService clientResponders = Executors.newCachedThreadPool();
    private final List<AmpConnection> connections = new ArrayList<>();

    Servers(Path directory) throws IOException {
        unix = new Endpoint.Unix(directory.resolve("kv.sock"));
        server.listen(unix);
        tcp = new Endpoint.Tcp("127.0.0.1", server.listen(new Endpoint.Tcp("127.0.0.1", 0)).port());
    }

    Endpoint endpoint(Kind kind) {
        return kind == Kind.UNIX ? unix : tcp;
    }

    /** A client as KeyValueClient makes one, answering nothing. */
    AmpConnection connect(Kind kind) throws IOException {
        return connect(kind, ResponderLocator.NONE, KeyValueClient.options(clientResponders));
    }

    AmpConnection connect(Kind kind, ResponderLocator locator, ConnectionOptions options) throws IOException {
        AmpConnection connection = endpoint(kind).connect(locator, options);
        connections.add(connection);
        return connection;
    }

    @Override
    public void close() {
        connections.forEach(AmpConnection::close);
        server.close();
        clientResponders.shutdownNow();
    }
}
