package io.ampjava.benchmarks.floor;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The floor as the JDK sees it: the same ping-pong as {@code ampfloor.c}, over the JDK's own
 * Unix-domain {@link SocketChannel} (blocking, direct buffers), with no AMP code in the loop. The
 * distance between this and the C floor is what the JVM's socket path costs by itself.
 *
 * <pre>
 * java -cp amp-benchmarks.jar io.ampjava.benchmarks.floor.JdkUnixFloor serve PATH
 * java -cp amp-benchmarks.jar io.ampjava.benchmarks.floor.JdkUnixFloor bench PATH --calls N --outstanding K [--warmup-seconds S]
 * </pre>
 *
 * Output as the AMP bench clients: {@code latency p50 us:}/{@code p99} at one outstanding call, then
 * {@code calls/s: <number>}. Only {@code Sum}: the JDK's channels cannot pass descriptors.
 */
public final class JdkUnixFloor {
    private static final int BUFFER_BYTES = 256 * 1024;

    private JdkUnixFloor() {}

    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("serve")) {
            serve(Path.of(args[1]));
        } else if (args.length >= 2 && args[0].equals("bench")) {
            long calls = 10_000;
            int outstanding = 1;
            double warmupSeconds = 0;
            for (int i = 2; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--calls" -> calls = Long.parseLong(args[i + 1]);
                    case "--outstanding" -> outstanding = Integer.parseInt(args[i + 1]);
                    case "--warmup-seconds" -> warmupSeconds = Double.parseDouble(args[i + 1]);
                    case "--command" -> {
                        if (!args[i + 1].equals("Sum")) {
                            throw usage("the JDK floor has no descriptor passing: --command Sum only");
                        }
                    }
                    default -> throw usage("unknown option " + args[i]);
                }
            }
            bench(Path.of(args[1]), calls, outstanding, warmupSeconds);
        } else {
            throw usage("serve PATH | bench PATH --calls N --outstanding K");
        }
    }

    private static IllegalArgumentException usage(String message) {
        return new IllegalArgumentException("JdkUnixFloor: " + message);
    }

    private static void serve(Path path) throws IOException {
        Files.deleteIfExists(path);
        try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            listener.bind(UnixDomainSocketAddress.of(path));
            System.out.println("READY unix:" + path);
            System.out.flush();
            ByteBuffer in = ByteBuffer.allocateDirect(BUFFER_BYTES);
            ByteBuffer out = ByteBuffer.allocateDirect(BUFFER_BYTES);
            while (true) {
                try (SocketChannel connection = listener.accept()) {
                    serveConnection(connection, in, out);
                }
            }
        }
    }

    private static void serveConnection(SocketChannel connection, ByteBuffer in, ByteBuffer out) throws IOException {
        byte[] answer = CannedCall.ANSWER;
        int requestLength = CannedCall.REQUEST.length;
        long pending = 0;
        while (true) {
            in.clear();
            int n = connection.read(in);
            if (n < 0) {
                return;
            }
            pending += n;
            long complete = pending / requestLength;
            pending %= requestLength;
            out.clear();
            for (long i = 0; i < complete; i++) {
                if (out.remaining() < answer.length) {
                    writeAll(connection, out.flip());
                    out.clear();
                }
                out.put(answer);
            }
            writeAll(connection, out.flip());
        }
    }

    private static void bench(Path path, long calls, int outstanding, double warmupSeconds) throws IOException {
        ByteBuffer in = ByteBuffer.allocateDirect(BUFFER_BYTES);
        ByteBuffer out = ByteBuffer.allocateDirect(BUFFER_BYTES);
        try (SocketChannel connection = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
            while (System.nanoTime() < warmupEnd) {
                run(connection, in, out, Math.max(1000, 8 * outstanding), outstanding, null);
            }
            long[] latencies = outstanding == 1 ? new long[Math.toIntExact(calls)] : null;
            long elapsed = run(connection, in, out, calls, outstanding, latencies);
            if (latencies != null) {
                Arrays.sort(latencies);
                System.out.printf("latency p50 us: %.1f%n", latencies[(int) (calls * 0.50)] / 1e3);
                System.out.printf("latency p99 us: %.1f%n", latencies[(int) (calls * 0.99)] / 1e3);
            }
            System.out.printf("calls/s: %.0f%n", calls / (elapsed / 1e9));
        }
    }

    /** Makes {@code calls} calls with {@code outstanding} in flight; returns the nanoseconds taken. */
    private static long run(SocketChannel connection, ByteBuffer in, ByteBuffer out, long calls, int outstanding,
            long[] latencies) throws IOException {
        byte[] request = CannedCall.REQUEST;
        int answerLength = CannedCall.ANSWER.length;
        {
            long start = System.nanoTime();
            long sent = 0;
            long answered = 0;
            long pending = 0;
            long sentAt = 0;
            while (answered < calls) {
                long room = Math.min(outstanding - (sent - answered), calls - sent);
                if (room > 0) {
                    out.clear();
                    for (long i = 0; i < room; i++) {
                        if (out.remaining() < request.length) {
                            writeAll(connection, out.flip());
                            out.clear();
                        }
                        out.put(request);
                    }
                    writeAll(connection, out.flip());
                    sent += room;
                    sentAt = System.nanoTime();
                }
                in.clear();
                int n = connection.read(in);
                if (n < 0) {
                    throw new IOException("the server closed the connection");
                }
                pending += n;
                long complete = pending / answerLength;
                pending %= answerLength;
                if (latencies != null && complete > 0) {
                    latencies[(int) answered] = System.nanoTime() - sentAt;
                }
                answered += complete;
            }
            return System.nanoTime() - start;
        }
    }

    private static void writeAll(SocketChannel connection, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            connection.write(buffer);
        }
    }
}
