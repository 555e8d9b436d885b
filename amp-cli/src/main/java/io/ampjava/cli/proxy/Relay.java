package io.ampjava.cli.proxy;

import io.ampjava.cli.Address;
import io.ampjava.cli.CliException;
import io.ampjava.cli.print.DescriptorTarget;
import io.ampjava.transport.Transport;
import io.ampjava.types.Descriptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One proxied connection: the client's, accepted, and a new one to the upstream server, with a
 * thread per direction that forwards exactly the bytes it reads.
 *
 * <p>Descriptors that arrive with the bytes are passed on with the first of them (in one message on
 * a Unix socket), then closed: a receiver files each descriptor when it arrives and only looks for it when a box
 * names it, so passing it on with an earlier byte than the one it came with changes nothing for
 * the receiver, while holding it back could. A side that cannot carry descriptors (TCP) gets the
 * bytes without them; the descriptors are closed and the log says so.
 *
 * <p>End of stream on one side is passed on as end of stream to the other (half-close); the
 * connection is closed when both directions have ended, or at once when a read or write fails.
 */
final class Relay {
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Transport client;
    private final Address upstream;
    private final TrafficLog.Connection log;
    private final Runnable onClosed;
    private final AtomicInteger running = new AtomicInteger(2);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Transport server;

    Relay(Transport client, Address upstream, TrafficLog.Connection log, Runnable onClosed) {
        this.client = client;
        this.upstream = upstream;
        this.log = log;
        this.onClosed = onClosed;
    }

    /** Connects upstream and starts forwarding, on threads of its own. */
    void start() {
        Thread toServer = new Thread(this::connectAndForward, "amp-proxy [" + log.id() + "] C->S");
        toServer.setDaemon(true);
        toServer.start();
    }

    private void connectAndForward() {
        try {
            server = upstream.connect();
        } catch (IOException e) {
            log.note(null, "upstream-failed", "closing the client " + client.describe() + ": "
                    + CliException.message(e));
            running.set(0);
            close();
            return;
        }
        if (closed.get()) {
            closeQuietly(server); // the proxy stopped while connecting
            return;
        }
        log.note(null, "open", "client " + client.describe() + " connected, upstream " + server.describe());
        Thread toClient = new Thread(() -> forward(server, client, Direction.SERVER_TO_CLIENT),
                "amp-proxy [" + log.id() + "] S->C");
        toClient.setDaemon(true);
        toClient.start();
        forward(client, server, Direction.CLIENT_TO_SERVER);
    }

    private void forward(Transport from, Transport to, Direction direction) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
        List<Integer> received = new ArrayList<>(4);
        List<Integer> pending = new ArrayList<>(4); // descriptors still waiting for a byte to go with
        try {
            while (true) {
                buffer.clear();
                int n = from.read(buffer, received::add);
                pending.addAll(received);
                List<String> described = describe(received);
                received.clear();
                if (n < 0) {
                    if (!pending.isEmpty()) {
                        log.note(direction, "fds-dropped", pending.size() + " descriptors came with no byte left to"
                                + " pass them on with: closed");
                    }
                    log.note(direction, "end", (direction == Direction.CLIENT_TO_SERVER ? "the client" : "the server")
                            + " ended its output");
                    to.shutdownOutput();
                    return;
                }
                buffer.flip();
                byte[] copy = new byte[n];
                buffer.duplicate().get(copy);
                log.chunk(direction, copy, described);
                send(to, buffer, pending, direction);
            }
        } catch (IOException | RuntimeException e) {
            if (!closed.get()) {
                log.note(direction, "failed", e instanceof IOException ? CliException.message((IOException) e)
                        : e.toString());
            }
            running.set(0);
        } catch (InterruptedException e) {
            running.set(0);
        } finally {
            closeAll(pending);
            if (running.decrementAndGet() <= 0) {
                close();
            }
        }
    }

    /** Writes {@code bytes} to {@code to}, the pending descriptors with the first of them. */
    private void send(Transport to, ByteBuffer bytes, List<Integer> pending, Direction direction) throws IOException {
        if (!pending.isEmpty() && !to.canPassDescriptors()) {
            log.note(direction, "fds-dropped", pending.size() + (pending.size() == 1 ? " descriptor" : " descriptors")
                    + " not passed on: " + to.describe() + " cannot carry them");
            closeAll(pending);
        }
        if (pending.isEmpty() || !bytes.hasRemaining()) {
            if (bytes.hasRemaining()) {
                to.write(new ByteBuffer[] {bytes});
            }
            return;
        }
        // As many as these bytes can carry (all of them on a Unix socket); any others wait for the next bytes.
        int carried = (int) Math.min(pending.size(), (long) bytes.remaining() * to.descriptorsPerMessage());
        int[] fds = new int[carried];
        for (int i = 0; i < carried; i++) {
            fds[i] = pending.get(i);
        }
        byte[] frame = new byte[bytes.remaining()];
        bytes.get(frame);
        to.writeFramesWithDescriptors(new byte[][] {frame}, 0, 1, fds, 0, carried);
        pending.subList(0, carried).clear();
        for (int fd : fds) {
            Descriptor.adopt(fd).close();
        }
    }

    /** Closes both sides: the threads blocked on them wake and end. Idempotent. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(client);
        Transport connected = server;
        if (connected != null) {
            closeQuietly(connected);
        }
        log.note(null, "close", "closed");
        onClosed.run();
    }

    private static List<String> describe(List<Integer> fds) {
        if (fds.isEmpty()) {
            return List.of();
        }
        List<String> described = new ArrayList<>(fds.size());
        for (int fd : fds) {
            described.add(DescriptorTarget.of(fd));
        }
        return described;
    }

    private static void closeAll(List<Integer> fds) {
        for (int fd : fds) {
            Descriptor.adopt(fd).close();
        }
        fds.clear();
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (IOException | RuntimeException ignored) {
            // closing anyway
        }
    }
}
