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
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code amp-peer bench}: makes N calls to a peer (Java or Twisted) on a Unix socket with at most K
 * outstanding, checks every answer, and prints the rate. The last line is {@code calls/s: <number>}.
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
        try (AmpConnection connection = Amp.connectUnix(socket, ResponderLocator.NONE);
                Descriptor devNull = workload == Workload.WRITE_DESCRIPTOR
                        ? Descriptor.openForWriting(Path.of("/dev/null"))
                        : null) {
            Semaphore window = new Semaphore(outstanding);
            CountDownLatch finished = new CountDownLatch(calls);
            AtomicReference<Throwable> firstFailure = new AtomicReference<>();
            long start = System.nanoTime();
            for (int i = 0; i < calls && firstFailure.get() == null; i++) {
                window.acquire();
                call(connection, workload, devNull, i).whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        firstFailure.compareAndSet(null, failure);
                    }
                    window.release();
                    finished.countDown();
                });
            }
            if (firstFailure.get() == null) {
                finished.await();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Throwable failure = firstFailure.get();
            if (failure != null) {
                err.println("bench: a call failed: " + failure);
                err.flush();
                return 1;
            }
            out.printf(Locale.ROOT, "command: %s, calls: %d, outstanding: %d, seconds: %.3f%n",
                    workload.commandName(), calls, outstanding, seconds);
            out.printf(Locale.ROOT, "calls/s: %.1f%n", calls / seconds);
            out.flush();
            return 0;
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
