package io.ampjava.server;

import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ConnectionOptions;
import io.ampjava.dispatch.MemoryBudget;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.internal.log.RateLimitedLog;
import io.ampjava.transport.ListeningSocket;
import io.ampjava.transport.Transport;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.ClosedChannelException;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Serves AMP on a {@link ListeningSocket}: an accept thread turns every accepted socket into an
 * {@link AmpConnection} with its own responder locator, so per-connection state stays per
 * connection. What one connection does (a protocol error, a crash, a peer that vanishes) ends that
 * connection only. Nothing an accept or a connection's start can throw stops the server: when the
 * process is out of file descriptors, threads or memory, the accepted socket (if any) is closed,
 * the failure logged at most once a second, and the server goes on after a short pause, by itself
 * once resources return. A peer that arrives meanwhile is served or promptly closed, never left
 * waiting: the accept thread holds one spare descriptor, so that when accept fails for want of
 * descriptors it can still take the waiting peer and close it. {@link ServerOptions} bound the
 * connections and the memory they hold all together.
 *
 * <p>The accept thread is a daemon thread: a program that should live as long as its server waits
 * on {@link #closeFuture()}. Usually made by {@code io.ampjava.Amp.listenUnix} or
 * {@code listenTcp}.
 *
 * <pre>{@code
 * try (AmpServer server = Amp.listenTcp("127.0.0.1", 0, () -> new CalculatorLocator(new Calculator()))) {
 *     System.out.println("READY " + server.address());
 *     server.closeFuture().join();
 * }
 * }</pre>
 */
public final class AmpServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AmpServer.class.getName());
    /** After a failure, the first wait before accepting again; it doubles up to the longest. */
    private static final long FIRST_BACKOFF_MILLIS = 10;
    private static final long LONGEST_BACKOFF_MILLIS = 1_000;
    private static final long LOG_INTERVAL_MILLIS = 1_000;
    private static final long ACCEPT_THREAD_JOIN_MILLIS = 5_000;

    private final ListeningSocket socket;
    private final Function<? super Transport, AmpConnection> connector;
    private final int maxConnections;
    private final Set<AmpConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final Thread acceptThread;
    private final RateLimitedLog acceptFailures = new RateLimitedLog(LOG, LOG_INTERVAL_MILLIS);
    private final RateLimitedLog startFailures = new RateLimitedLog(LOG, LOG_INTERVAL_MILLIS);
    private final RateLimitedLog refusals = new RateLimitedLog(LOG, LOG_INTERVAL_MILLIS);
    private final RateLimitedLog descriptorRefusals = new RateLimitedLog(LOG, LOG_INTERVAL_MILLIS);
    private final SpareDescriptor spare; // the accept thread's, once it runs
    private long backoffMillis; // accept thread only

    private AmpServer(ListeningSocket socket, Function<? super Transport, AmpConnection> connector, int maxConnections,
            Supplier<SpareDescriptor> spares) {
        this.socket = socket;
        this.connector = connector;
        this.maxConnections = maxConnections;
        // Taken now, so that a server is whole when serve returns: the spare's descriptor is then
        // already part of whatever the caller measures as the server's own.
        this.spare = spares.get();
        spare.take(); // if it cannot, the server still works, and takes one once it can
        this.acceptThread = new Thread(this::acceptLoop, "amp-server " + socket.address());
        acceptThread.setDaemon(true);
        // The logging backend reads its configuration on first use, and its first line the time zone
        // data: let that be now, not when the process is out of descriptors and a refusal is logged.
        LOG.isLoggable(Level.WARNING);
        ZoneId.systemDefault().getRules();
    }

    /**
     * Serves {@code socket} with {@link ServerOptions#defaults()}, answering each connection with a
     * fresh locator from {@code locators}. The server owns the socket from now on.
     *
     * @param socket the bound socket, owned by the server from now on
     * @param locators called once per connection for its own locator
     * @return the running server
     */
    public static AmpServer serve(ListeningSocket socket, Supplier<? extends ResponderLocator> locators) {
        return serve(socket, locators, ServerOptions.defaults());
    }

    /**
     * The same, with other options.
     *
     * @param socket the bound socket, owned by the server from now on
     * @param locators called once per connection for its own locator
     * @param options the connections' options, a connection limit, a memory budget
     * @return the running server
     */
    public static AmpServer serve(ListeningSocket socket, Supplier<? extends ResponderLocator> locators,
            ServerOptions options) {
        Objects.requireNonNull(locators, "locators");
        ConnectionOptions connectionOptions = options.connectionOptions();
        if (connectionOptions.memoryBudget() == null) {
            MemoryBudget budget = options.memoryBudget() != null ? options.memoryBudget() : MemoryBudget.quarterOfHeap();
            connectionOptions = connectionOptions.toBuilder().memoryBudget(budget).build();
        }
        ConnectionOptions perConnection = connectionOptions;
        return start(socket, transport -> AmpConnection.open(transport, locators.get(), perConnection),
                options.maxConnections());
    }

    /**
     * Serves {@code socket}, opening each accepted transport with {@code connector}, which chooses
     * each connection's options itself (the default connection limit still applies). If the
     * connector throws, that transport is closed and the server goes on.
     *
     * @param socket the bound socket, owned by the server from now on
     * @param connector opens a connection on each accepted transport
     * @return the running server
     */
    public static AmpServer serve(ListeningSocket socket, Function<? super Transport, AmpConnection> connector) {
        return start(socket, connector, ServerOptions.defaultMaxConnections());
    }

    private static AmpServer start(ListeningSocket socket, Function<? super Transport, AmpConnection> connector,
            int maxConnections) {
        return start(socket, connector, maxConnections, SpareDescriptor::new);
    }

    /** For tests: {@code spares} makes the accept thread's spare descriptor, a model of the process's descriptors. */
    static AmpServer start(ListeningSocket socket, Function<? super Transport, AmpConnection> connector,
            int maxConnections, Supplier<SpareDescriptor> spares) {
        AmpServer server = new AmpServer(Objects.requireNonNull(socket, "socket"),
                Objects.requireNonNull(connector, "connector"), maxConnections, spares);
        try {
            server.acceptThread.start();
        } catch (Throwable failure) {
            server.spare.close();
            server.closeSocket();
            throw failure;
        }
        return server;
    }

    /** {@return where peers connect, e.g. {@code unix:/run/amp.sock} or {@code tcp:127.0.0.1:41234}} */
    public String address() {
        return socket.address();
    }

    /** {@return the TCP port (the chosen one when bound to port 0), or -1 for a Unix socket} */
    public int port() {
        return socket.port();
    }

    /** {@return the connections open right now} */
    public List<AmpConnection> connections() {
        return List.copyOf(connections);
    }

    /** {@return whether the server still accepts connections} */
    public boolean isOpen() {
        return !closing.get();
    }

    /**
     * Completes once {@link #close()} has stopped the server and closed every connection.
     *
     * @return the future of the closing
     */
    public CompletableFuture<Void> closeFuture() {
        return closed.copy();
    }

    /**
     * Stops accepting, then closes every connection (their outstanding calls fail). Idempotent; a
     * Unix server removes its socket file.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            closeSocket();
            if (Thread.currentThread() != acceptThread) {
                awaitAcceptThread();
            }
            for (AmpConnection connection : connections) {
                connection.close();
            }
        } finally {
            closed.complete(null);
        }
    }

    @Override
    public String toString() {
        return "AmpServer[" + address() + "]";
    }

    private void acceptLoop() {
        try {
            while (!closing.get()) {
                try {
                    if (!acceptOne()) {
                        break;
                    }
                } catch (Throwable failure) {
                    // acceptOne handles what it can; this is the last guard (an Error while handling).
                    pauseAfterFailure();
                }
            }
        } finally {
            spare.close();
            if (!closing.get()) {
                // Only a listening socket closed under the server gets here: do not leave it half open.
                try {
                    LOG.log(Level.ERROR, "the accept loop of " + address() + " stopped: its socket was closed");
                } catch (Throwable ignored) {
                    // closing the socket matters more than the line
                }
                closeSocket();
            }
        }
    }

    /** Accepts and serves (or refuses) one connection; false when the listening socket is closed. */
    private boolean acceptOne() {
        Transport transport;
        try {
            transport = socket.accept();
        } catch (ClosedChannelException closedSocket) {
            return false;
        } catch (Throwable failure) {
            if (closing.get()) {
                return true;
            }
            if (spare.release() || recoverSpare()) {
                // Most likely out of descriptors: accept fails at once while the peer waits in the
                // backlog. With the spare one free, take the peer and serve or refuse it now.
                return acceptOnSpare(failure);
            }
            acceptFailures.log(Level.WARNING, "accept failed on " + address() + "; still serving", failure);
            pauseAfterFailure();
            return true;
        }
        serveOrRefuse(transport, null);
        return true;
    }

    /**
     * Whether a descriptor is free for the spare's part after all, when none is held. Other threads
     * open files for a moment at any time (the JVM itself reads its cgroup limits every few
     * milliseconds while it collects), so one of them may have taken the descriptor a refused peer
     * freed before the spare could be taken again. Without this, the spare would stay lost for as
     * long as the shortage lasts, and every peer meanwhile would wait in the backlog.
     */
    private boolean recoverSpare() {
        return spare.take() && spare.release();
    }

    /**
     * After an accept failed and the spare descriptor was freed: accepts one peer; serves it if a
     * spare descriptor can be taken again (the shortage is over), or closes it at once.
     */
    private boolean acceptOnSpare(Throwable failure) {
        Transport transport;
        try {
            transport = socket.accept();
        } catch (ClosedChannelException closedSocket) {
            return false;
        } catch (Throwable again) {
            spare.take();
            if (!closing.get()) {
                acceptFailures.log(Level.WARNING, "accept failed on " + address() + "; still serving", again);
                pauseAfterFailure();
            }
            return true;
        }
        serveOrRefuse(transport, failure);
        return true;
    }

    /**
     * Serves an accepted peer if the spare descriptor is held or can be taken again; otherwise the
     * process is out of descriptors but for this peer's, and the peer is closed at once so that the
     * spare can be taken. The spare comes first: without it, the next peer of a shortage would
     * wait in the backlog for as long as the shortage lasts.
     *
     * @param failure the failed accept that released the spare, or null
     */
    private void serveOrRefuse(Transport transport, Throwable failure) {
        if (spare.take()) {
            backoffMillis = 0;
            start(transport);
            return;
        }
        closeQuietly(transport);
        // Logged while the refused peer's descriptor is free: the logging backend may need one.
        descriptorRefusals.log(Level.WARNING, "refused a connection on " + address() + ": no file descriptor to serve it"
                + (failure == null ? "" : " (" + failure + ")"), null);
        spare.take();
    }

    /** Serves one accepted transport; whatever that throws closes it, and the loop goes on after a short pause. */
    private void start(Transport transport) {
        try {
            serve(transport);
        } catch (Throwable failure) {
            closeQuietly(transport);
            startFailures.log(Level.WARNING, "could not start a connection on " + address() + "; closed it", failure);
            // Short and fixed: the next peer in the backlog is another one, and must not wait long.
            pause(FIRST_BACKOFF_MILLIS);
        }
    }

    private void serve(Transport transport) {
        if (connections.size() >= maxConnections) {
            closeQuietly(transport);
            refusals.log(Level.WARNING, "refused a connection on " + address() + ": " + maxConnections
                    + " connections are open, the limit", null);
            return;
        }
        AmpConnection connection = connector.apply(transport);
        connections.add(connection);
        try {
            // Registered after add(): an already closed connection is removed at once.
            connection.closeFuture().whenComplete((ignored, failure) -> connections.remove(connection));
        } catch (Throwable failure) {
            connections.remove(connection);
            connection.close();
            throw failure;
        }
        if (closing.get()) {
            connection.close();
        }
    }

    /** Waits a little after a failed accept, longer each time in a row, instead of spinning on it. */
    private void pauseAfterFailure() {
        backoffMillis = backoffMillis == 0 ? FIRST_BACKOFF_MILLIS : Math.min(LONGEST_BACKOFF_MILLIS, backoffMillis * 2);
        pause(backoffMillis);
    }

    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (Throwable failure) {
            try {
                LOG.log(Level.WARNING, "closing " + address() + " failed: " + failure);
            } catch (Throwable ignored) {
                // nothing more to do
            }
        }
    }

    private void awaitAcceptThread() {
        try {
            acceptThread.join(ACCEPT_THREAD_JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (Throwable ignored) {
            // Never served: nothing to report.
        }
    }
}
