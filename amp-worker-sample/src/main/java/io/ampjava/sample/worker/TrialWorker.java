package io.ampjava.sample.worker;

import io.ampjava.annotations.Responder;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.sample.junit.ClassDigests;
import io.ampjava.sample.junit.FailureDetails;
import io.ampjava.sample.junit.JUnitTestRunner;
import io.ampjava.sample.junit.OutputCapture;
import io.ampjava.sample.junit.TestOutcome;
import io.ampjava.sample.protocol.ClassDigest;
import io.ampjava.sample.protocol.ClassDigestCommand;
import io.ampjava.sample.protocol.Run;
import io.ampjava.sample.protocol.RunCommand;
import io.ampjava.sample.protocol.Start;
import io.ampjava.sample.protocol.StartCommand;
import io.ampjava.sample.protocol.TestWriteCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A trial worker: answers the manager's {@code Start} and {@code Run} (its generated locator is
 * {@code TrialWorkerLocator}). Tests run one at a time on a thread of their own, never on the
 * connection's reader thread, and {@code Run} is answered only once the manager has answered every
 * report of that run.
 */
public final class TrialWorker implements AutoCloseable {
    private final JUnitTestRunner runner;
    private final boolean forceGc;
    private final ExecutorService testThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "amp-worker-tests");
        thread.setDaemon(true);
        return thread;
    });
    private final CompletableFuture<ReportQueue> reports = new CompletableFuture<>();

    /**
     * @param runner runs tests by name
     * @param forceGc collect garbage before and after every test (trial's {@code --force-gc})
     */
    public TrialWorker(JUnitTestRunner runner, boolean forceGc) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.forceGc = forceGc;
    }

    /**
     * Starts reporting over {@code connection}; as trial's worker does, the first thing it sends is
     * the log line {@code Log opened.}. Requests are answered only after this.
     */
    public void connected(AmpConnection connection) {
        // Sent from this thread, not the report queue's, so that it is on the wire before any
        // answer: requests wait for the queue, which exists only after this call.
        TestWriteCommand.call(connection, "Log opened.");
        reports.complete(new ReportQueue(connection));
    }

    /** {@code Start}: run the tests that follow in {@code directory} (see {@link WorkingDirectory}). */
    @Responder(Start.class)
    CompletionStage<Start.Result> start(String directory) {
        return reports.thenApply(ignored -> {
            try {
                WorkingDirectory.change(Path.of(directory));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return StartCommand.response(true);
        });
    }

    /**
     * {@code ClassDigest} (an amp-java addition): the SHA-256 of the class file this worker loads
     * for {@code className}, so the manager can tell a host with other test classes.
     */
    @Responder(ClassDigest.class)
    ClassDigest.Result classDigest(String className) {
        return ClassDigestCommand.response(ClassDigests.of(runner.classLoader(), className).orElse(""));
    }

    /** {@code Run}: run the named tests, report each result, answer whether all reports arrived. */
    @Responder(Run.class)
    CompletionStage<Run.Result> run(String testCase) {
        return reports.thenComposeAsync(queue -> runAndReport(testCase, queue), testThread);
    }

    private CompletableFuture<Run.Result> runAndReport(String testCase, ReportQueue queue) {
        // Tests may print from threads of their own: collect the reports' futures thread-safely.
        Queue<CompletableFuture<Boolean>> delivered = new ConcurrentLinkedQueue<>();
        delivered.add(queue.log("--> " + testCase + " <--"));
        if (forceGc) {
            System.gc();
        }
        OutputCapture capture = OutputCapture.start(line -> delivered.add(queue.log(line)));
        try {
            runner.run(testCase, outcome -> delivered.add(queue.report(outcome)));
        } catch (RuntimeException | LinkageError broken) {
            // JUnit itself failed (not a test): say so rather than leave the run without a result.
            delivered.add(queue.report(new TestOutcome.Errored(testCase, FailureDetails.of(broken, null))));
        } catch (VirtualMachineError unrecoverable) {
            // JUnit rethrows what it deems unrecoverable (OutOfMemoryError) out of the whole run. Once
            // it has unwound, the memory is free again: the test is an error, the worker goes on.
            delivered.add(queue.report(new TestOutcome.Errored(testCase, FailureDetails.of(unrecoverable, null))));
        } finally {
            capture.close();
        }
        if (forceGc) {
            System.gc();
        }
        CompletableFuture<Boolean> all = CompletableFuture.completedFuture(true);
        for (CompletableFuture<Boolean> one : List.copyOf(delivered)) {
            all = all.thenCombine(one, Boolean::logicalAnd);
        }
        return all.thenCompose(ok -> ok
                ? CompletableFuture.completedFuture(RunCommand.response(true))
                : queue.reportDeliveryFailure(testCase).handle((retried, failure) -> RunCommand.response(false)));
    }

    /** Stops the test and report threads. */
    @Override
    public void close() {
        testThread.shutdownNow();
        reports.thenAccept(ReportQueue::close);
    }
}
