package io.ampjava.conformance.exhaustion;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Many raw connections to the server from this JVM, with no AMP runtime and no thread behind them:
 * each sends what the attack says, as far as the socket takes it without blocking, and reads
 * nothing. Closing them is the attackers leaving.
 */
final class Attackers implements AutoCloseable {
    private final List<SocketChannel> connections = new ArrayList<>();
    private int refused;

    /** Opens up to {@code count} connections to {@code socket}; those the server refuses at once are counted. */
    static Attackers connect(Path socket, int count) {
        Attackers attackers = new Attackers();
        attackers.add(socket, count);
        return attackers;
    }

    /** Opens {@code count} more. */
    void add(Path socket, int count) {
        for (int i = 0; i < count; i++) {
            SocketChannel channel = null;
            try {
                channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                channel.connect(UnixDomainSocketAddress.of(socket));
                channel.configureBlocking(false);
                connections.add(channel);
            } catch (IOException e) {
                refused++;
                closeQuietly(channel);
            }
        }
    }

    /** How many connected. */
    int connected() {
        return connections.size();
    }

    /** How many connects failed. */
    int refused() {
        return refused;
    }

    /**
     * Each connection sends {@code bytes}, as much as its socket takes without blocking; returns the
     * bytes sent by all. A connection the server has closed sends nothing more.
     */
    long sendEach(byte[] bytes) {
        long sent = 0;
        for (SocketChannel channel : connections) {
            try {
                sent += channel.write(ByteBuffer.wrap(bytes));
            } catch (IOException closedByTheServer) {
                // counted as sending nothing
            }
        }
        return sent;
    }

    /**
     * Each connection sends all of {@code bytes}, writing whenever its socket takes more (the
     * server reads on), until all is sent or {@code within} has passed; returns the bytes sent by
     * all. For attacks bigger than a socket's buffer: what the server stops reading stays unsent.
     */
    long pumpEach(byte[] bytes, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        int[] offsets = new int[connections.size()];
        long sent = 0;
        boolean pending = true;
        while (pending && System.nanoTime() - deadline < 0) {
            pending = false;
            for (int i = 0; i < connections.size(); i++) {
                if (offsets[i] < 0 || offsets[i] == bytes.length) {
                    continue;
                }
                try {
                    int n = connections.get(i).write(ByteBuffer.wrap(bytes, offsets[i], bytes.length - offsets[i]));
                    offsets[i] += n;
                    sent += n;
                    pending |= offsets[i] < bytes.length;
                } catch (IOException closedByTheServer) {
                    offsets[i] = -1;
                }
            }
            Recovery.sleep(10);
        }
        return sent;
    }

    /**
     * How many connections the server has closed: a read (of what the server wrote, discarded)
     * sees end of stream or a reset. Reading frees whatever the server managed to write, so call it
     * only when the attack is over.
     */
    int closedByServer() {
        int closed = 0;
        ByteBuffer sink = ByteBuffer.allocate(64 * 1024);
        for (SocketChannel channel : connections) {
            try {
                int n;
                do {
                    sink.clear();
                    n = channel.read(sink);
                } while (n > 0);
                if (n < 0) {
                    closed++;
                }
            } catch (IOException reset) {
                closed++;
            }
        }
        return closed;
    }

    @Override
    public void close() {
        for (SocketChannel channel : connections) {
            closeQuietly(channel);
        }
        connections.clear();
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // leaving anyway
            }
        }
    }
}
