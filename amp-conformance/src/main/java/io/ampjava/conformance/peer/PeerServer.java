package io.ampjava.conformance.peer;

import io.ampjava.Amp;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ConnectionOptions;
import io.ampjava.server.AmpServer;
import io.ampjava.server.ServerOptions;
import io.ampjava.transport.pipe.PipeTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code amp-peer serve}: serves the conformance commands on a Unix socket or on TCP 127.0.0.1 until
 * killed, or one connection over inherited pipes until it closes. Each connection gets its own
 * responders; what one connection sends ends at most that connection (the runtime's
 * {@link AmpServer} guarantees it).
 */
public final class PeerServer {
    private PeerServer() {}

    /**
     * Serves until the process is killed or, with {@code exitOnEof}, until standard input closes.
     * Prints {@code READY <address>} on {@code out} once connections are accepted.
     *
     * @param unixPath the socket path, or null to serve TCP
     * @param tcpPort the TCP port (0 picks one) when {@code unixPath} is null
     * @param options the server's budgets and timeouts
     * @return the exit status
     */
    public static int serve(Path unixPath, int tcpPort, boolean exitOnEof, ServerOptions options, PrintWriter out)
            throws IOException {
        try (PeerExecutors executors = new PeerExecutors()) {
            PeerLocators locators = new PeerLocators(executors);
            AmpServer server = unixPath != null
                    ? Amp.listenUnix(unixPath, locators, options)
                    : Amp.listenTcp("127.0.0.1", tcpPort, locators, options);
            // Closing on SIGTERM removes the socket file, as a clean shutdown should.
            Thread closer = new Thread(server::close, "amp-peer-shutdown");
            Runtime.getRuntime().addShutdownHook(closer);
            out.println("READY " + server.address());
            out.flush();
            if (exitOnEof) {
                watchStandardInput(server);
            }
            server.closeFuture().join();
            return 0;
        }
    }

    /**
     * Serves one connection over the pipes this process inherited ({@code readFd}, {@code writeFd}),
     * as a worker serves its parent, and returns once that connection has closed: when the parent
     * closes its ends, or dies. Prints {@code READY pipe:READ>WRITE} on {@code out} first.
     *
     * @return the exit status
     */
    public static int servePipes(int readFd, int writeFd, ConnectionOptions options, PrintWriter out)
            throws IOException {
        try (PeerExecutors executors = new PeerExecutors()) {
            PipeTransport transport = PipeTransport.inherited(readFd, writeFd);
            AmpConnection connection = AmpConnection.open(transport, new PeerLocators(executors).get(), options);
            out.println("READY " + connection.describe());
            out.flush();
            connection.closeFuture().join();
            return 0;
        }
    }

    /** Closes the server once standard input reaches end of file: the parent went away. */
    private static void watchStandardInput(AmpServer server) {
        Thread watcher = new Thread(() -> {
            byte[] buffer = new byte[256];
            try (InputStream in = System.in) {
                while (in.read(buffer) != -1) {
                    // discard: only the end matters
                }
            } catch (IOException e) {
                // unreadable standard input counts as closed
            }
            server.close();
        }, "amp-peer-stdin");
        watcher.setDaemon(true);
        watcher.start();
    }
}
