package io.ampjava.sample.manager;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/** The end of a run, trial style: each failure and error with its traceback, then the counts. */
final class SummaryPrinter {
    private static final String DOUBLE_RULE = "=".repeat(79);
    private static final String RULE = "-".repeat(79);

    private SummaryPrinter() {}

    static void print(PrintStream out, RunReport report, Duration wall, String where, String testLog, int slowest) {
        List<TestResult> results = report.results();
        for (TestResult result : results) {
            if (result.kind().failsRun()) {
                out.println(DOUBLE_RULE);
                out.println("[" + result.kind().label() + "] " + result.testName()
                        + (result.worker() >= 0 ? "  (" + result.where() + ")" : ""));
                out.println(RULE);
                out.print(result.details().isEmpty() ? result.headline() + "\n" : result.details());
                out.print(indent(result.errorOutput()));
            }
        }
        for (String problem : report.problems()) {
            out.println(DOUBLE_RULE);
            out.println("[PROBLEM] " + problem);
        }
        for (String note : report.notes()) {
            out.println(DOUBLE_RULE);
            out.println("[NOTE] " + note);
        }
        printSlowest(out, results, slowest);
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

    /** {@code text} with four spaces before each line and a newline at its end; nothing for none. */
    static String indent(String text) {
        return text.isEmpty() ? "" : "    " + text.stripTrailing().replace("\n", "\n    ") + "\n";
    }

    private static void printSlowest(PrintStream out, List<TestResult> results, int slowest) {
        List<TestResult> timed = results.stream()
                .filter(result -> result.seconds() > 0)
                .sorted(Comparator.comparingDouble(TestResult::seconds).reversed())
                .limit(slowest)
                .collect(Collectors.toList());
        if (timed.isEmpty()) {
            return;
        }
        out.println(RULE);
        out.println("Slowest tests:");
        for (TestResult result : timed) {
            out.printf("  %8.3fs  %s%s%n", result.seconds(), result.testName(),
                    result.worker() >= 0 ? "  (" + result.where() + ")" : "");
        }
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
