package io.ampjava.sample.manager;

import io.ampjava.sample.junit.FailureDetails;
import io.ampjava.sample.junit.JUnitTestRunner;
import io.ampjava.sample.junit.OutputCapture;
import io.ampjava.sample.junit.TestOutcome;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The same tests, the same runner and the same report, but in this JVM and without AMP: the
 * baseline for measuring what distribution costs per test.
 */
public final class InProcessRun {
    private InProcessRun() {}

    /** Runs {@code tests}; the summary lists the {@code slowest} slowest. */
    public static RunReport run(JUnitTestRunner runner, List<String> tests, Path tempDirectory, PrintStream out, int slowest)
            throws IOException {
        long started = System.nanoTime();
        out.println("amp-worker: " + tests.size() + " tests in process");
        ProgressPrinter progress = new ProgressPrinter(out);
        progress.total(tests.size());
        RunReport report = new RunReport(progress);
        try (TestLog log = new TestLog(tempDirectory.toAbsolutePath().resolve("test.log"))) {
            for (int i = 0; i < tests.size(); i++) {
                String test = tests.get(i);
                int position = i + 1;
                log.line("--> " + test + " <--");
                StringBuilder printed = new StringBuilder();
                long[] mark = {System.nanoTime()};
                OutputCapture capture = OutputCapture.start(line -> {
                    log.line(line);
                    printed.append(line).append('\n');
                });
                try {
                    runner.run(test, outcome -> {
                        long now = System.nanoTime();
                        TestResult result = resultOf(outcome, position).with("", (now - mark[0]) / 1e9, printed.toString());
                        mark[0] = now;
                        printed.setLength(0);
                        report.add(result);
                    });
                } finally {
                    capture.close();
                }
            }
            SummaryPrinter.print(out, report, Duration.ofNanos(System.nanoTime() - started), "in process",
                    log.path().toString(), slowest);
        }
        return report;
    }

    static TestResult resultOf(TestOutcome outcome, int position) {
        if (outcome instanceof TestOutcome.Passed) {
            return TestResult.of(outcome.testName(), ResultKind.SUCCESS, "", -1, position);
        }
        if (outcome instanceof TestOutcome.Skipped) {
            return TestResult.of(outcome.testName(), ResultKind.SKIP, ((TestOutcome.Skipped) outcome).reason(), -1, position);
        }
        boolean failed = outcome instanceof TestOutcome.Failed;
        FailureDetails details = failed ? ((TestOutcome.Failed) outcome).details() : ((TestOutcome.Errored) outcome).details();
        return new TestResult(outcome.testName(), failed ? ResultKind.FAILURE : ResultKind.ERROR,
                Tracebacks.headline(details.pythonClass(), details.text()),
                Tracebacks.format(details.pythonClass(), details.text(), details.frames()), -1, position);
    }
}
