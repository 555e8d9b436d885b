package io.ampjava.cli.proxy;

import io.ampjava.transport.ListeningSocket;
import io.ampjava.transport.Transport;
import io.ampjava.transport.tcp.TcpListeningSocket;
import io.ampjava.transport.unix.UnixListeningSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One end of a proxied connection that speaks no protocol: it writes what a test tells it and
 * collects every byte and descriptor that arrives, so that a test can compare them with what the
 * other end sent.
 */
final class RawEnd implements AutoCloseable {
    final Transport transport;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final List<Integer> descriptors = new ArrayList<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    RawEnd(Transport transport) {
        this.transport = transport;
        Thread reader = new Thread(this::readLoop, "raw end " + transport.describe());
        reader.setDaemon(true);
        reader.start();
    }

    /** A listening socket for the upstream end: unix:PATH, or TCP on 127.0.0.1 when {@code unix} is null. */
    static ListeningSocket listen(Path unix) throws IOException {
        return unix != null ? UnixListeningSocket.bind(unix) : TcpListeningSocket.bind("127.0.0.1", 0);
    }

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        try {
            while (true) {
                buffer.clear();
                int n = transport.read(buffer, fd -> {
                    synchronized (descriptors) {
                        descriptors.add(fd);
                    }
                });
                if (n < 0) {
                    break;
                }
                synchronized (received) {
                    received.write(buffer.array(), 0, n);
                }
            }
            ended.complete(null);
        } catch (IOException e) {
            ended.completeExceptionally(e);
        }
    }

    void write(byte[] bytes) throws IOException {
        transport.write(new ByteBuffer[] {ByteBuffer.wrap(bytes)});
    }

    /** Writes {@code bytes}, the first of them together with {@code fd}. */
    void writeWithDescriptor(byte[] bytes, int fd) throws IOException {
        transport.writeWithDescriptorAndRest(ByteBuffer.wrap(bytes), fd);
    }

    byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    /** The descriptors received so far (this end owns them). */
    List<Integer> descriptors() {
        synchronized (descriptors) {
            return List.copyOf(descriptors);
        }
    }

    /** Completes when the other side ended its output. */
    CompletableFuture<Void> ended() {
        return ended;
    }

    @Override
    public void close() throws IOException {
        transport.close();
        for (int fd : descriptors()) {
            io.ampjava.types.Descriptor.adopt(fd).close();
        }
    }
}
