package io.ampjava.sample.manager;

import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Prints one line per result as results arrive: {@code [  3/117] ok    pkg.Class#method  (worker 1)},
 * where 3 is the position of the name that was run (a class run shows several lines at one position).
 */
final class ProgressPrinter implements Consumer<TestResult> {
    private final PrintStream out;
    private int total;

    ProgressPrinter(PrintStream out) {
        this.out = out;
    }

    /** How many names the run has; known once the tests are listed, before any result. */
    synchronized void total(int total) {
        this.total = total;
    }

    @Override
    public synchronized void accept(TestResult result) {
        String width = "%" + String.valueOf(total).length() + "d";
        StringBuilder line = new StringBuilder()
                .append('[').append(String.format(width, result.position())).append('/').append(total).append("] ")
                .append(String.format("%-5s ", result.kind().label()))
                .append(result.testName());
        if (result.worker() >= 0) {
            line.append("  (worker ").append(result.worker()).append(')');
        }
        if (!result.headline().isEmpty() && result.kind() != ResultKind.SUCCESS) {
            line.append("\n        ").append(result.headline());
        }
        out.println(line);
        out.flush();
    }
}
