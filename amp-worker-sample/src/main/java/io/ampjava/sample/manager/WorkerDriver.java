package io.ampjava.sample.manager;

import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ConnectionOptions;
import io.ampjava.dispatch.UnhandledCommandException;
import io.ampjava.sample.protocol.ClassDigestCommand;
import io.ampjava.sample.protocol.Run;
import io.ampjava.sample.protocol.RunCommand;
import io.ampjava.sample.protocol.StartCommand;
import io.ampjava.transport.pipe.PipeTransport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Drives one worker slot for a whole run, as trial's {@code _driveWorker} does: start the process,
 * send {@code Start} with the worker's own directory, then one {@code Run} at a time until the queue
 * is empty, then close the worker's input and wait for it to exit.
 *
 * <p>When a worker dies during a test (a crash, {@code System.exit}, running out of memory, a kill,
 * a cut network), the slot starts a replacement and goes on. The test is run once more, by whichever
 * worker takes it, because the loss may not have been its fault; a test that loses a second worker
 * is reported as an error with the worker's exit status and the last lines of its standard error,
 * and not run again. A test that outlives {@code --test-timeout} is an error at once, and its
 * worker is killed and replaced. A worker that cannot start (or answer {@code Start}) ends its
 * slot: that is a problem of the run, and the other slots take its share.
 */
final class WorkerDriver implements Runnable {
    private static final Duration EXIT_PATIENCE = Duration.ofSeconds(10);
    /** How many workers a test may lose before it is reported instead of run again. */
    static final int MAX_LOSSES = 2;
    /** How many lines of a lost worker's standard error a result quotes. */
    private static final int ERROR_LINES = 20;

    private final int index;
    private final RunSettings settings;
    private final TestQueue queue;
    private final RunReport report;
    private final StreamRegistry streams;
    private final TestLog log;
    private final ManagerDigests digests;

    /** How a worker's part of the run ended. */
    private enum Ending {
        /** The queue is done, or the slot cannot go on: no replacement. */
        DONE,
        /** The worker was lost or killed: start another one. */
        REPLACE
    }

    WorkerDriver(int index, RunSettings settings, TestQueue queue, RunReport report, StreamRegistry streams, TestLog log,
            ManagerDigests digests) {
        this.index = index;
        this.settings = settings;
        this.queue = queue;
        this.report = report;
        this.streams = streams;
        this.log = log;
        this.digests = digests;
    }

    @Override
    public void run() {
        try {
            for (int generation = 0; ; generation++) {
                Path directory = settings.tempDirectory()
                        .resolve(generation == 0 ? Integer.toString(index) : index + "." + generation);
                if (drive(directory) == Ending.DONE) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report.problem(where() + " was interrupted");
        } finally {
            queue.leave(index);
        }
    }

    private String where() {
        String host = settings.host(index);
        return "worker " + index + (host.isEmpty() ? "" : " on " + host);
    }

    private Ending drive(Path directory) throws InterruptedException {
        WorkerProcess process;
        try {
            process = WorkerProcess.start(settings.workerCommand(index), settings.stdio(), settings.workingDirectory(),
                    directory, settings.environment());
        } catch (IOException e) {
            report.problem(where() + " could not start: " + e.getMessage());
            return Ending.DONE;
        }
        try (process) {
            return drive(process, directory);
        }
    }

    private Ending drive(WorkerProcess process, Path directory) throws InterruptedException {
        ReportReceiver receiver = new ReportReceiver(index, settings.host(index), report, streams, log);
        AmpConnection connection = AmpConnection.open(
                PipeTransport.streams(process.fromWorker(), process.toWorker()),
                new ReportReceiverLocator(receiver),
                ConnectionOptions.builder().threadName("amp-manager-worker-" + index).build());
        try {
            try {
                StartCommand.callBlocking(connection, directory.toString());
            } catch (RuntimeException failed) {
                // No test was given to it: nothing to retry, and another worker from the same command
                // (the same host) would fail the same way.
                int exit = process.stop(Duration.ofSeconds(2));
                report.problem(where() + " could not start (" + failed.getMessage() + "); it exited with status " + exit
                        + errorLines(process, directory));
                return Ending.DONE;
            }
            ClassCheck classes = new ClassCheck(connection);
            // Waits here, booted and started, while the manager may still be listing the tests.
            for (int position = queue.take(index); position != 0; position = queue.take(index)) {
                String test = queue.name(position);
                Optional<String> mismatch = classes.mismatch(test);
                if (mismatch.isPresent()) {
                    queue.retry(index);
                    report.problem(where() + " has other test classes than the manager: " + mismatch.get()
                            + "; it runs no tests, the other workers take its share");
                    process.stop(EXIT_PATIENCE);
                    return Ending.DONE;
                }
                Ending ending = runOne(connection, receiver, test, position, process);
                if (ending != null) {
                    return ending;
                }
            }
            int exit = process.stop(EXIT_PATIENCE);
            if (exit != 0) {
                report.problem(where() + " exited with code " + exit + "; see " + directory.resolve("err.log"));
            }
            return Ending.DONE;
        } finally {
            connection.close();
        }
    }

    /** Runs one test; null when the worker can take the next one, else how its part ended. */
    private Ending runOne(AmpConnection connection, ReportReceiver receiver, String test, int position,
            WorkerProcess process) throws InterruptedException {
        receiver.begin(test, position);
        CompletableFuture<Run.Result> call = RunCommand.call(connection, test);
        Run.Result answer;
        try {
            answer = await(call, receiver);
        } catch (TimeoutException hung) {
            process.kill();
            int exit = process.stop(EXIT_PATIENCE);
            Duration limit = settings.testTimeout().orElseThrow();
            String seconds = formatSeconds(limit);
            String which = receiver.end() == 0 ? test
                    : "a test of " + test + " (after " + receiver.end() + " results)";
            String text = which + " did not finish within --test-timeout " + seconds + "; " + where()
                    + " was killed (exit status " + exit + ") and replaced\n";
            report.add(new TestResult(test, ResultKind.ERROR, "timed out after " + seconds, text, index, position,
                    settings.host(index), limit.toMillis() / 1000.0, "", process.lastErrorLines(ERROR_LINES)));
            queue.leave(index);
            return Ending.REPLACE;
        } catch (ExecutionException lost) {
            lost(test, position, receiver, process, lost.getCause());
            return Ending.REPLACE;
        }
        if (receiver.end() == 0) {
            report.add(TestResult.of(test, ResultKind.ERROR, "the worker answered Run but reported no result", index, position));
        }
        if (!answer.success()) {
            report.problem(where() + " could not deliver every result of " + test);
        }
        return null;
    }

    /**
     * Waits for the answer to a {@code Run}. With {@code --test-timeout}, each test gets that long:
     * the clock starts again at each result, so a class run is limited per test, not as a whole.
     *
     * @throws TimeoutException when a test takes longer
     */
    private Run.Result await(CompletableFuture<Run.Result> call, ReportReceiver receiver)
            throws InterruptedException, ExecutionException, TimeoutException {
        Optional<Duration> timeout = settings.testTimeout();
        if (timeout.isEmpty()) {
            return call.get();
        }
        while (true) {
            long left = timeout.get().toNanos() - receiver.nanosSinceLastResult();
            if (left <= 0) {
                throw new TimeoutException();
            }
            try {
                return call.get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException notYet) {
                // a result may have arrived meanwhile: look again
            }
        }
    }

    /** The worker died while running {@code test}: run it again, or report it. */
    private void lost(String test, int position, ReportReceiver receiver, WorkerProcess process, Throwable cause)
            throws InterruptedException {
        int exit = process.stop(EXIT_PATIENCE);
        String stderr = process.lastErrorLines(ERROR_LINES);
        String how = where() + " was lost while running " + test + " (" + cause.getMessage() + "); it exited with status "
                + exit;
        int losses = queue.lostWorker(index);
        if (receiver.end() > 0) {
            // Some of its results (a class run) are in: running the name again would report them twice.
            report.add(new TestResult(test, ResultKind.ERROR, "its worker was lost after " + receiver.end() + " results",
                    how + "\n", index, position, settings.host(index), 0, "", stderr));
            queue.leave(index);
        } else if (losses < MAX_LOSSES) {
            report.note(how + "; running it again" + errorLines(stderr));
            queue.retry(index);
        } else {
            report.add(new TestResult(test, ResultKind.ERROR, "its worker died (exit status " + exit + "), "
                    + losses + " times: not run again", how + "\n", index, position,
                    settings.host(index), 0, "", stderr));
            queue.leave(index);
        }
    }

    private static String errorLines(WorkerProcess process, Path directory) {
        String stderr = process.lastErrorLines(ERROR_LINES);
        return stderr.isEmpty() ? "; see " + directory.resolve("err.log") : errorLines(stderr);
    }

    private static String errorLines(String stderr) {
        return stderr.isEmpty() ? "" : "; the end of its standard error:\n" + SummaryPrinter.indent(stderr);
    }

    private static String formatSeconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }

    /**
     * Compares, before a worker's first test of each class, the worker's class file with the
     * manager's. Skipped for classes the manager does not have (a Python test, a class only the
     * workers see) and for workers that do not know {@code ClassDigest} (Twisted's).
     */
    private final class ClassCheck {
        private final AmpConnection connection;
        private final Set<String> checked = new HashSet<>();
        private boolean unsupported = !digests.available();

        ClassCheck(AmpConnection connection) {
            this.connection = connection;
        }

        Optional<String> mismatch(String test) {
            int hash = test.indexOf('#');
            String className = hash >= 0 ? test.substring(0, hash) : test;
            if (unsupported || !checked.add(className)) {
                return Optional.empty();
            }
            Optional<String> mine = digests.of(className);
            if (mine.isEmpty()) {
                return Optional.empty();
            }
            String theirs;
            try {
                theirs = ClassDigestCommand.callBlocking(connection, className).sha256();
            } catch (UnhandledCommandException e) {
                unsupported = true;
                return Optional.empty();
            } catch (RuntimeException lost) {
                return Optional.empty(); // the Run that follows finds the lost worker
            }
            if (theirs.equals(mine.get())) {
                return Optional.empty();
            }
            return Optional.of(className + " has SHA-256 " + (theirs.isEmpty() ? "(no such class)" : theirs)
                    + " there, " + mine.get() + " here");
        }
    }
}
