package io.ampjava.sample.manager;

import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ConnectionOptions;
import io.ampjava.sample.protocol.Run;
import io.ampjava.sample.protocol.RunCommand;
import io.ampjava.sample.protocol.StartCommand;
import io.ampjava.transport.pipe.PipeTransport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Drives one worker for a whole run, as trial's {@code _driveWorker} does: start the process, send
 * {@code Start} with the worker's own directory, then one {@code Run} at a time until the queue is
 * empty, then close the worker's fd 3 and wait for it to exit.
 *
 * <p>A worker that dies mid-run costs the test it was running (recorded as an error naming its
 * exit code and {@code err.log}); the other workers take the rest of the queue.
 */
final class WorkerDriver implements Runnable {
    private static final Duration EXIT_PATIENCE = Duration.ofSeconds(10);

    private final int index;
    private final RunSettings settings;
    private final TestQueue queue;
    private final RunReport report;
    private final StreamRegistry streams;
    private final TestLog log;

    WorkerDriver(int index, RunSettings settings, TestQueue queue, RunReport report, StreamRegistry streams, TestLog log) {
        this.index = index;
        this.settings = settings;
        this.queue = queue;
        this.report = report;
        this.streams = streams;
        this.log = log;
    }

    @Override
    public void run() {
        Path directory = settings.tempDirectory().resolve(Integer.toString(index));
        WorkerProcess process;
        try {
            process = WorkerProcess.start(settings.workerCommand(), settings.workingDirectory(), directory, settings.environment());
        } catch (IOException e) {
            report.problem("worker " + index + " could not start: " + e.getMessage());
            return;
        }
        try (process) {
            drive(process, directory);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report.problem("worker " + index + " was interrupted");
        }
    }

    private void drive(WorkerProcess process, Path directory) throws InterruptedException {
        ReportReceiver receiver = new ReportReceiver(index, report, streams, log);
        AmpConnection connection = AmpConnection.open(
                PipeTransport.streams(process.fromWorker(), process.toWorker()),
                new ReportReceiverLocator(receiver),
                ConnectionOptions.builder().threadName("amp-manager-worker-" + index).build());
        try {
            try {
                StartCommand.callBlocking(connection, directory.toString());
            } catch (RuntimeException ignored) {
                // Like trial: a failed Start shows up as failing tests, or as a lost worker below.
            }
            // Waits here, booted and started, while the manager may still be listing the tests.
            for (int position = queue.take(index); position != 0; position = queue.take(index)) {
                String test = queue.name(position);
                if (!runOne(connection, receiver, test, position, process)) {
                    return;
                }
            }
            int exit = process.stop(EXIT_PATIENCE);
            if (exit != 0) {
                report.problem("worker " + index + " exited with code " + exit + "; see " + directory.resolve("err.log"));
            }
        } finally {
            connection.close();
        }
    }

    /** Runs one test; false when the worker is gone. */
    private boolean runOne(AmpConnection connection, ReportReceiver receiver, String test, int position,
            WorkerProcess process) throws InterruptedException {
        receiver.begin(test, position);
        Run.Result answer;
        try {
            answer = RunCommand.callBlocking(connection, test);
        } catch (RuntimeException lost) {
            int exit = process.stop(EXIT_PATIENCE);
            report.add(new TestResult(test, ResultKind.ERROR, "worker " + index + " was lost running this test",
                    "worker " + index + " was lost while running " + test + " (" + lost.getMessage() + "); it exited with code "
                            + exit + "; see " + process.logDirectory().resolve("err.log") + "\n", index, position));
            return false;
        }
        if (receiver.end() == 0) {
            report.add(TestResult.of(test, ResultKind.ERROR, "the worker answered Run but reported no result", index, position));
        }
        if (!answer.success()) {
            report.problem("worker " + index + " could not deliver every result of " + test);
        }
        return true;
    }
}
