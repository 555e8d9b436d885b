package io.ampjava.cli;

import io.ampjava.Amp;
import io.ampjava.conformance.commands.SumCommand;
import io.ampjava.conformance.peer.PeerExecutors;
import io.ampjava.conformance.peer.PeerLocators;
import io.ampjava.server.AmpServer;
import java.io.IOException;
import java.nio.file.Path;

/** The Java conformance peer ({@code amp-peer.jar serve}), served in this JVM. */
public final class JavaPeer implements AutoCloseable {
    private final PeerExecutors executors;
    private final AmpServer server;

    private JavaPeer(PeerExecutors executors, AmpServer server) {
        this.executors = executors;
        this.server = server;
    }

    /** Serves on a Unix socket at {@code path}. */
    public static JavaPeer unix(Path path) throws IOException {
        PeerExecutors executors = new PeerExecutors();
        return new JavaPeer(executors, Amp.listenUnix(path, new PeerLocators(executors)));
    }

    /** Serves on TCP 127.0.0.1, a free port. */
    public static JavaPeer tcp() throws IOException {
        PeerExecutors executors = new PeerExecutors();
        return new JavaPeer(executors, Amp.listenTcp("127.0.0.1", 0, new PeerLocators(executors)));
    }

    /** The conformance commands as compiled, for {@code --schema}: a directory or a jar. */
    public static String commandsPath() {
        try {
            return Path.of(SumCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where it listens, as {@code amp} writes addresses: {@code unix:PATH} or {@code tcp:127.0.0.1:PORT}. */
    public String address() {
        return server.address();
    }

    @Override
    public void close() {
        server.close();
        executors.close();
    }
}
