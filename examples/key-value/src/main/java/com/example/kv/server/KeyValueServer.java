package com.example.kv.server;

import com.example.kv.Endpoint;
import io.ampjava.dispatch.ConnectionOptions;
import io.ampjava.dispatch.MemoryBudget;
import io.ampjava.server.AmpServer;
import io.ampjava.server.ServerOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The key-value server: one store, served on any number of endpoints.
 *
 * <pre>
 * java -cp target/key-value.jar com.example.kv.server.KeyValueServer --unix /tmp/kv.sock --tcp 127.0.0.1:4242
 * </pre>
 */
public final class KeyValueServer implements AutoCloseable {
    private final KeyValueStore store = new KeyValueStore();
    /** Runs what must not hold up a connection's reader thread: Export's writes and the Changed calls. */
    private final ExecutorService workers = Executors.newFixedThreadPool(4, daemonThreads("kv-worker"));
    private final List<AmpServer> servers = new CopyOnWriteArrayList<>();

    /**
     * What every connection gets. There is no responder executor: responders run on the
     * connection's reader thread, so each client's requests are applied in the order it sent them
     * (with an executor, two pipelined Puts of one key could be applied the other way round). The
     * one responder that blocks, Export, moves its work to {@code workers} itself.
     */
    static final ServerOptions OPTIONS = ServerOptions.builder()
            .maxConnections(256)                              // more are closed as they come
            .memoryBudget(MemoryBudget.ofBytes(64L << 20))    // for all connections together
            .connectionOptions(ConnectionOptions.serverDefaults().toBuilder()
                    .callTimeout(Duration.ofSeconds(10))      // our Changed calls to watchers
                    .idleTimeout(Duration.ofMinutes(5))       // a client that says nothing and waits for nothing
                    .writeStallTimeout(Duration.ofSeconds(30)) // a client that reads none of our answers
                    .build())
            .build();

    /** Serves the store on {@code endpoint} (TCP port 0: a free port, see {@link AmpServer#port()}). */
    public AmpServer listen(Endpoint endpoint) throws IOException {
        // A new service (and locator) per connection: it remembers the connection's waits and watches.
        AmpServer server = endpoint.listen(() -> new KeyValueServiceLocator(new KeyValueService(store, workers)),
                OPTIONS);
        servers.add(server);
        return server;
    }

    /** Completes when every endpoint stopped serving. */
    public CompletableFuture<Void> closeFuture() {
        return CompletableFuture.allOf(servers.stream().map(AmpServer::closeFuture).toArray(CompletableFuture[]::new));
    }

    /** Stops serving and closes every connection; a Unix endpoint's socket file is removed. */
    @Override
    public void close() {
        servers.forEach(AmpServer::close);
        workers.shutdown();
    }

    public static void main(String[] args) throws IOException {
        List<Endpoint> endpoints = Endpoint.ofCommandLine("KeyValueServer", args);
        KeyValueServer server = new KeyValueServer();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "kv-shutdown"));
        for (Endpoint endpoint : endpoints) {
            System.out.println("serving on " + server.listen(endpoint).address());
        }
        server.closeFuture().join(); // until Ctrl-C or SIGTERM closes it
    }

    static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
