package io.ampjava.sample.manager;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/** The end of a run, trial style: each failure and error with its traceback, then the counts. */
final class SummaryPrinter {
    private static final String DOUBLE_RULE = "=".repeat(79);
    private static final String RULE = "-".repeat(79);

    private SummaryPrinter() {}

    static void print(PrintStream out, RunReport report, Duration wall, String where, String testLog) {
        for (TestResult result : report.results()) {
            if (result.kind().failsRun()) {
                out.println(DOUBLE_RULE);
                out.println("[" + result.kind().label() + "] " + result.testName()
                        + (result.worker() >= 0 ? "  (worker " + result.worker() + ")" : ""));
                out.println(RULE);
                out.print(result.details().isEmpty() ? result.headline() + "\n" : result.details());
            }
        }
        for (String problem : report.problems()) {
            out.println(DOUBLE_RULE);
            out.println("[PROBLEM] " + problem);
        }
        out.println(RULE);
        Map<ResultKind, Integer> counts = report.counts();
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        out.printf("Ran %d tests in %.3fs %s%n", total, wall.toNanos() / 1e9, where);
        if (testLog != null) {
            out.println("Test output: " + testLog);
        }
        out.println();
        out.println((report.wasSuccessful() ? "PASSED" : "FAILED") + " (" + countsText(counts) + ")");
        out.flush();
    }

    static String countsText(Map<ResultKind, Integer> counts) {
        StringJoiner text = new StringJoiner(", ");
        add(text, "successes", counts.get(ResultKind.SUCCESS));
        add(text, "failures", counts.get(ResultKind.FAILURE));
        add(text, "errors", counts.get(ResultKind.ERROR));
        add(text, "skips", counts.get(ResultKind.SKIP));
        add(text, "expectedFailures", counts.get(ResultKind.EXPECTED_FAILURE));
        add(text, "unexpectedSuccesses", counts.get(ResultKind.UNEXPECTED_SUCCESS));
        return text.length() == 0 ? "no results" : text.toString();
    }

    private static void add(StringJoiner text, String name, int count) {
        if (count > 0) {
            text.add(name + "=" + count);
        }
    }
}
