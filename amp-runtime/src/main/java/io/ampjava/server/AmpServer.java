package io.ampjava.server;

import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.transport.ListeningSocket;
import io.ampjava.transport.Transport;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.ClosedChannelException;
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
 * connection only; a failing accept is logged and the server goes on.
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
    /** After a failed accept (out of file descriptors, say), wait a little instead of spinning. */
    private static final long ACCEPT_RETRY_MILLIS = 50;
    private static final long ACCEPT_THREAD_JOIN_MILLIS = 5_000;

    private final ListeningSocket socket;
    private final Function<? super Transport, AmpConnection> connector;
    private final Set<AmpConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final Thread acceptThread;

    private AmpServer(ListeningSocket socket, Function<? super Transport, AmpConnection> connector) {
        this.socket = socket;
        this.connector = connector;
        this.acceptThread = new Thread(this::acceptLoop, "amp-server " + socket.address());
        acceptThread.setDaemon(true);
    }

    /**
     * Serves {@code socket}, answering each connection with a fresh locator from {@code locators}.
     * The server owns the socket from now on.
     */
    public static AmpServer serve(ListeningSocket socket, Supplier<? extends ResponderLocator> locators) {
        Objects.requireNonNull(locators, "locators");
        return serve(socket, transport -> AmpConnection.open(transport, locators.get()));
    }

    /**
     * Serves {@code socket}, opening each accepted transport with {@code connector} (for connection
     * options beyond a locator). If the connector throws, that transport is closed and the server
     * goes on.
     */
    public static AmpServer serve(ListeningSocket socket, Function<? super Transport, AmpConnection> connector) {
        AmpServer server = new AmpServer(Objects.requireNonNull(socket, "socket"), Objects.requireNonNull(connector, "connector"));
        server.acceptThread.start();
        return server;
    }

    /** Where peers connect, e.g. {@code unix:/run/amp.sock} or {@code tcp:127.0.0.1:41234}. */
    public String address() {
        return socket.address();
    }

    /** The TCP port (the chosen one when bound to port 0), or -1 for a Unix socket. */
    public int port() {
        return socket.port();
    }

    /** The connections open right now. */
    public List<AmpConnection> connections() {
        return List.copyOf(connections);
    }

    public boolean isOpen() {
        return !closing.get();
    }

    /** Completes once {@link #close()} has stopped the server and closed every connection. */
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
                Transport transport;
                try {
                    transport = socket.accept();
                } catch (ClosedChannelException e) {
                    break;
                } catch (IOException | RuntimeException e) {
                    if (closing.get()) {
                        break;
                    }
                    LOG.log(Level.WARNING, "accept failed on " + address() + "; still serving", e);
                    pause();
                    continue;
                }
                serve(transport);
            }
        } finally {
            if (!closing.get()) {
                // Only an unexpected end gets here (the loop never gives up on its own): do not
                // leave a socket open that nobody accepts on.
                LOG.log(Level.ERROR, "the accept loop of " + address() + " stopped");
                closeSocket();
            }
        }
    }

    private void serve(Transport transport) {
        AmpConnection connection;
        try {
            connection = connector.apply(transport);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not open a connection for " + transport.describe() + "; closed it", e);
            closeQuietly(transport);
            return;
        }
        connections.add(connection);
        // Registered after add(): an already closed connection is removed at once.
        connection.closeFuture().whenComplete((ignored, failure) -> connections.remove(connection));
        if (closing.get()) {
            connection.close();
        }
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "closing " + address() + " failed", e);
        }
    }

    private void awaitAcceptThread() {
        try {
            acceptThread.join(ACCEPT_THREAD_JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(ACCEPT_RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (IOException ignored) {
            // Never served: nothing to report.
        }
    }
}
