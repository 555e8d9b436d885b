package io.ampjava.sample.manager;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A whole distributed run: N workers, one shared queue of tests, live progress, a summary.
 *
 * <pre>{@code
 * RunSettings settings = new RunSettings(2, WorkerCommands.javaWorker(null, false, List.of()),
 *         Path.of("_amp_worker_temp"), Path.of(""), Map.of());
 * boolean passed = DistributedRun.run(settings, tests, System.out).wasSuccessful();
 * }</pre>
 */
public final class DistributedRun {
    private DistributedRun() {}

    /** Runs {@code tests} and prints progress and a summary to {@code out}. */
    public static RunReport run(RunSettings settings, List<String> tests, PrintStream out)
            throws IOException, InterruptedException {
        int jobs = Math.max(1, Math.min(settings.jobs(), tests.size()));
        return run(settings, jobs, () -> tests, out);
    }

    /**
     * Runs the tests {@code tests} finds, which it may take its time over: the workers start first
     * and boot while it runs (a worker's JVM start-up and the manager's test discovery overlap).
     */
    public static RunReport run(RunSettings settings, Callable<List<String>> tests, PrintStream out)
            throws IOException, InterruptedException {
        return run(settings, settings.jobs(), tests, out);
    }

    private static RunReport run(RunSettings settings, int jobs, Callable<List<String>> tests, PrintStream out)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        ProgressPrinter progress = new ProgressPrinter(out);
        TestQueue queue = new TestQueue();
        AtomicBoolean stoppedEarly = new AtomicBoolean();
        RunReport report = new RunReport(result -> {
            progress.accept(result);
            if (settings.exitFirst() && result.kind().failsRun() && !stoppedEarly.getAndSet(true)) {
                queue.stop();
            }
        });
        StreamRegistry streams = new StreamRegistry();
        ManagerDigests digests = new ManagerDigests(settings.testClasses());
        try (TestLog log = new TestLog(settings.tempDirectory().resolve("test.log"))) {
            List<Thread> drivers = new ArrayList<>();
            for (int i = 0; i < jobs; i++) {
                Thread driver = new Thread(new WorkerDriver(i, settings, queue, report, streams, log, digests), "amp-driver-" + i);
                driver.start();
                drivers.add(driver);
            }
            List<String> names;
            try {
                names = tests.call();
            } catch (Exception e) {
                queue.cancel();
                joinAll(drivers);
                throw new IOException("cannot list the tests to run: " + e.getMessage(), e);
            }
            String workers = jobs + " worker" + (jobs == 1 ? "" : "s")
                    + (settings.hosts().isEmpty() ? "" : " on " + String.join(", ", settings.hosts()));
            out.println("amp-worker: " + names.size() + (names.size() == 1 ? " test on " : " tests on ") + workers + ": " + settings.workerCommand());
            progress.total(names.size());
            queue.fill(names);
            joinAll(drivers);
            List<Integer> untaken = queue.untaken();
            if (stoppedEarly.get()) {
                if (!untaken.isEmpty()) {
                    report.note("--exitfirst: stopped after the first failure; " + untaken.size() + " tests were not run");
                }
            } else {
                for (int position : untaken) {
                    report.add(TestResult.of(queue.name(position), ResultKind.ERROR, "not run: no worker was left to run it",
                            -1, position));
                }
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - started);
            SummaryPrinter.print(out, report, wall, "on " + workers, log.path().toString(), settings.slowest());
        }
        return report;
    }

    private static void joinAll(List<Thread> drivers) throws InterruptedException {
        for (Thread driver : drivers) {
            driver.join();
        }
    }
}
