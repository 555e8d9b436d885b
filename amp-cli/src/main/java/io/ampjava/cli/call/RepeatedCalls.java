package io.ampjava.cli.call;

import io.ampjava.cli.CliException;
import io.ampjava.cli.ExitCode;
import io.ampjava.cli.print.BoxJson;
import io.ampjava.dispatch.AmpConnection;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code amp call --repeat N --outstanding K}: the same call N times with at most K waiting for
 * their answers, then the rate and the latency percentiles, as {@code amp-peer bench} prints them.
 *
 * <p>K calls go out at the start, and each answer sends the next call from the thread that read it
 * (the connection's reader), so a call never waits for another thread to wake up and the calls sent
 * while one read is handled leave in one write.
 */
final class RepeatedCalls {
    private static final long WATCH_MILLIS = 50;
    /**
     * Descriptors that come with answers are closed every so many answers: looking for them costs an
     * exception when there are none, too much for every call of a benchmark.
     */
    private static final int DRAIN_EVERY = 256;

    private final AmpConnection connection;
    private final String command;
    private final CallRequest request;
    private final int calls;
    private final int outstanding;
    private final long[] latencies;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    /** The ordinal of the next descriptor the peer passes. */
    private int nextReceived;

    private RepeatedCalls(AmpConnection connection, String command, CallRequest request, int calls, int outstanding) {
        this.connection = connection;
        this.command = command;
        this.request = request;
        this.calls = calls;
        this.outstanding = outstanding;
        this.latencies = new long[calls];
    }

    /**
     * Makes the calls and prints the figures.
     *
     * @param timeout how long the calls may go without any answer; zero for no limit
     */
    static void run(AmpConnection connection, String command, CallRequest request, int calls, int outstanding,
            Duration timeout, boolean json, PrintWriter out) throws CliException, InterruptedException {
        RepeatedCalls run = new RepeatedCalls(connection, command, request, calls, outstanding);
        long start = System.nanoTime();
        for (int i = 0; i < Math.min(outstanding, calls); i++) {
            run.send();
        }
        run.await(timeout);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = run.latencies.clone();
        Arrays.sort(sorted);
        double p50 = sorted[(int) (calls * 0.50)] / 1e3;
        double p99 = sorted[Math.min(calls - 1, (int) (calls * 0.99))] / 1e3;
        if (json) {
            out.println(BoxJson.line(w -> w.beginObject()
                    .name("command").value(command)
                    .name("calls").value(calls)
                    .name("outstanding").value(outstanding)
                    .name("seconds").value(round(seconds, 1e6))
                    .name("latency_p50_us").value(round(p50, 10))
                    .name("latency_p99_us").value(round(p99, 10))
                    .name("calls_per_second").value(round(calls / seconds, 10))
                    .endObject()));
        } else {
            out.printf(Locale.ROOT, "command: %s, calls: %d, outstanding: %d, seconds: %.3f%n",
                    command, calls, outstanding, seconds);
            out.printf(Locale.ROOT, "latency p50 us: %.1f%n", p50);
            out.printf(Locale.ROOT, "latency p99 us: %.1f%n", p99);
            out.printf(Locale.ROOT, "calls/s: %.1f%n", calls / seconds);
        }
        out.flush();
    }

    private static double round(double value, double scale) {
        return Math.round(value * scale) / scale;
    }

    /** Waits for the last answer, or a failure, or {@code timeout} without an answer. */
    private void await(Duration timeout) throws CliException, InterruptedException {
        long limit = timeout.toNanos();
        int lastCount = -1;
        long lastProgress = System.nanoTime();
        while (!finished.await(WATCH_MILLIS, TimeUnit.MILLISECONDS)) {
            int count = answered.get();
            long now = System.nanoTime();
            if (count != lastCount) {
                lastCount = count;
                lastProgress = now;
            } else if (limit > 0 && now - lastProgress >= limit) {
                throw new CliException(ExitCode.TIMEOUT, "no answer within " + CallSubcommand.seconds(timeout)
                        + " (" + count + " of " + calls + " calls answered)");
            }
        }
        Throwable failed = failure.get();
        if (failed != null) {
            throw CallFailures.of(failed);
        }
    }

    private void send() {
        int i = next.getAndIncrement();
        if (i >= calls || failure.get() != null) {
            return;
        }
        long sentAt = System.nanoTime();
        try {
            connection.callRemoteString(command, request.box(connection.argumentContext()))
                    .whenComplete((answer, problem) -> {
                        if (problem != null) {
                            fail(problem);
                            return;
                        }
                        int done = answered.incrementAndGet();
                        if (done % DRAIN_EVERY == 0 || done == calls) {
                            closeReceived();
                        }
                        latencies[done - 1] = System.nanoTime() - sentAt;
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

    /** Closes the descriptors that came with answers so far: nobody reads them. */
    private synchronized void closeReceived() {
        nextReceived += ReceivedDescriptors.drain(connection.argumentContext(), nextReceived).size();
    }

    private void fail(Throwable problem) {
        failure.compareAndSet(null, problem);
        finished.countDown();
    }
}
