package io.ampjava.conformance.bench;

import io.ampjava.Amp;
import io.ampjava.conformance.commands.SumCommand;
import io.ampjava.conformance.commands.WriteDescriptorCommand;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.types.Descriptor;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code amp-peer bench}: makes N calls to a peer (Java or Twisted) on a Unix socket with at most K
 * outstanding, checks every answer, and prints the rate. The last line is {@code calls/s: <number>};
 * with one outstanding call, {@code latency p50 us: <x>} and {@code latency p99 us: <y>} come before
 * it. {@code amp-benchmarks/run.sh} uses it as the Java client.
 */
public final class Bench {
    /** What each call sends. */
    public enum Workload {
        /** {@code Sum(i, 1)}, answer checked to be {@code i + 1}. */
        SUM("Sum"),
        /** {@code WriteDescriptor} of {@code /dev/null} with a small payload: one fd passed per call. */
        WRITE_DESCRIPTOR("WriteDescriptor");

        private final String commandName;

        Workload(String commandName) {
            this.commandName = commandName;
        }

        public String commandName() {
            return commandName;
        }

        /** The workload calling {@code commandName}, or null. */
        public static Workload named(String commandName) {
            for (Workload workload : values()) {
                if (workload.commandName.equals(commandName)) {
                    return workload;
                }
            }
            return null;
        }
    }

    private static final byte[] PAYLOAD = "bench".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Bench() {}

    /** Runs the benchmark; returns the exit status (1 if any call failed or answered wrong). */
    public static int run(Path socket, int calls, int outstanding, Workload workload, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        return run(socket, calls, outstanding, workload, 0, out, err);
    }

    /**
     * The same, after untimed calls for {@code warmupSeconds} (in rounds of the same window on the
     * same connection), so that a fresh JVM is measured with its call path compiled.
     */
    public static int run(Path socket, int calls, int outstanding, Workload workload, double warmupSeconds,
            PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        try (AmpConnection connection = Amp.connectUnix(socket, ResponderLocator.NONE);
                Descriptor devNull = workload == Workload.WRITE_DESCRIPTOR
                        ? Descriptor.openForWriting(Path.of("/dev/null"))
                        : null) {
            long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
            while (System.nanoTime() < warmupEnd) {
                Window warmup = new Window(connection, workload, devNull, Math.max(1000, 8 * outstanding), outstanding);
                warmup.start();
                warmup.finished.await();
                if (warmup.failure.get() != null) {
                    err.println("bench: a warm-up call failed: " + warmup.failure.get());
                    err.flush();
                    return 1;
                }
            }
            Window window = new Window(connection, workload, devNull, calls, outstanding);
            long start = System.nanoTime();
            window.start();
            window.finished.await();
            double seconds = (System.nanoTime() - start) / 1e9;
            Throwable failure = window.failure.get();
            if (failure != null) {
                err.println("bench: a call failed: " + failure);
                err.flush();
                return 1;
            }
            out.printf(Locale.ROOT, "command: %s, calls: %d, outstanding: %d, seconds: %.3f%n",
                    workload.commandName(), calls, outstanding, seconds);
            if (window.latencies != null) {
                long[] sorted = window.latencies.clone();
                Arrays.sort(sorted);
                out.printf(Locale.ROOT, "latency p50 us: %.1f%n", sorted[(int) (calls * 0.50)] / 1e3);
                out.printf(Locale.ROOT, "latency p99 us: %.1f%n", sorted[(int) (calls * 0.99)] / 1e3);
            }
            out.printf(Locale.ROOT, "calls/s: %.1f%n", calls / seconds);
            out.flush();
            return 0;
        }
    }

    /**
     * At most K calls in flight: K go out at the start, and each answer sends the next call from the
     * thread that completed it (the connection's reader), so a call never waits for another thread
     * to wake up, and the calls sent while one read is dispatched leave in one write.
     */
    private static final class Window {
        final CountDownLatch finished = new CountDownLatch(1);
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final long[] latencies; // per call, with one outstanding call only
        private final AmpConnection connection;
        private final Workload workload;
        private final Descriptor devNull;
        private final int calls;
        private final int outstanding;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger answered = new AtomicInteger();

        Window(AmpConnection connection, Workload workload, Descriptor devNull, int calls, int outstanding) {
            this.connection = connection;
            this.workload = workload;
            this.devNull = devNull;
            this.calls = calls;
            this.outstanding = outstanding;
            this.latencies = outstanding == 1 ? new long[calls] : null;
        }

        void start() {
            for (int i = 0; i < Math.min(outstanding, calls); i++) {
                send();
            }
        }

        private void send() {
            int i = next.getAndIncrement();
            if (i >= calls || failure.get() != null) {
                return;
            }
            long sentAt = System.nanoTime();
            try {
                call(connection, workload, devNull, i).whenComplete((ignored, problem) -> {
                    if (problem != null) {
                        fail(problem);
                        return;
                    }
                    int done = answered.incrementAndGet();
                    if (latencies != null) {
                        latencies[done - 1] = System.nanoTime() - sentAt;
                    }
                    if (done == calls) {
                        finished.countDown();
                    } else {
                        send();
                    }
                });
            } catch (RuntimeException problem) {
                fail(problem);
            }
        }

        private void fail(Throwable problem) {
            failure.compareAndSet(null, problem);
            finished.countDown();
        }
    }

    private static CompletableFuture<?> call(AmpConnection connection, Workload workload, Descriptor devNull, int i) {
        if (workload == Workload.SUM) {
            BigInteger a = BigInteger.valueOf(i);
            return SumCommand.call(connection, a, BigInteger.ONE).thenAccept(result -> {
                if (!result.total().equals(a.add(BigInteger.ONE))) {
                    throw new IllegalStateException("Sum(" + i + ", 1) answered " + result.total());
                }
            });
        }
        return WriteDescriptorCommand.call(connection, devNull, PAYLOAD).thenAccept(result -> {
            if (result.written() != PAYLOAD.length) {
                throw new IllegalStateException("WriteDescriptor answered " + result.written() + " bytes written");
            }
        });
    }
}
