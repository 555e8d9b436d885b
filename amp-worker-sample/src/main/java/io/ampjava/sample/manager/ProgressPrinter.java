package io.ampjava.sample.manager;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Prints one line per result as results arrive: {@code [  3/117] ok    pkg.Class#method  (worker 1)}.
 * The count is how many of the run's names have reported so far, this one included, whichever
 * worker ran them: it only goes up. A name that reports several results (a whole class, a
 * parameterized method) counts once, at its first result.
 */
final class ProgressPrinter implements Consumer<TestResult> {
    private final PrintStream out;
    private final Set<Integer> reported = new HashSet<>();
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
        reported.add(result.position());
        String width = "%" + String.valueOf(total).length() + "d";
        StringBuilder line = new StringBuilder()
                .append('[').append(String.format(width, reported.size())).append('/').append(total).append("] ")
                .append(String.format("%-5s ", result.kind().label()))
                .append(result.testName());
        if (result.worker() >= 0) {
            line.append("  (").append(result.where()).append(')');
        }
        if (!result.headline().isEmpty() && result.kind() != ResultKind.SUCCESS) {
            line.append("\n        ").append(result.headline());
        }
        out.println(line);
        out.flush();
    }
}
