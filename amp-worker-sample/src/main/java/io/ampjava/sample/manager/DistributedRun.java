package io.ampjava.sample.manager;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole distributed run: N workers, one shared queue of tests, live progress, a summary.
 *
 * <pre>{@code
 * RunSettings settings = new RunSettings(2, WorkerCommands.javaWorker(null, false), tests,
 *         Path.of("_amp_worker_temp"), Path.of(""), Map.of());
 * boolean passed = DistributedRun.run(settings, System.out).wasSuccessful();
 * }</pre>
 */
public final class DistributedRun {
    private DistributedRun() {}

    /** Runs {@code settings.tests()} and prints progress and a summary to {@code out}. */
    public static RunReport run(RunSettings settings, PrintStream out) throws IOException, InterruptedException {
        long started = System.nanoTime();
        int jobs = Math.max(1, Math.min(settings.jobs(), settings.tests().size()));
        out.println("amp-worker: " + settings.tests().size() + " tests on " + jobs + " worker" + (jobs == 1 ? "" : "s")
                + ": " + settings.workerCommand());
        RunReport report = new RunReport(new ProgressPrinter(out, settings.tests().size()));
        TestQueue queue = new TestQueue(settings.tests());
        StreamRegistry streams = new StreamRegistry();
        try (TestLog log = new TestLog(settings.tempDirectory().resolve("test.log"))) {
            List<Thread> drivers = new ArrayList<>();
            for (int i = 0; i < jobs; i++) {
                Thread driver = new Thread(new WorkerDriver(i, settings, queue, report, streams, log), "amp-driver-" + i);
                driver.start();
                drivers.add(driver);
            }
            for (Thread driver : drivers) {
                driver.join();
            }
            int position = queue.size() - queue.untaken().size();
            for (String test : queue.untaken()) {
                report.add(TestResult.of(test, ResultKind.ERROR, "not run: no worker was left to run it", -1, ++position));
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - started);
            SummaryPrinter.print(out, report, wall, "on " + jobs + " worker" + (jobs == 1 ? "" : "s"), log.path().toString());
        }
        return report;
    }
}
