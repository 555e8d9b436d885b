package io.ampjava.sample.manager;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything a run produced: the results in the order they arrived, problems that belong to no test
 * (a worker that could not start or exited badly) and notes (what went wrong and was recovered
 * from). Thread-safe: every worker's reader thread adds to it.
 */
public final class RunReport {
    private final List<TestResult> results = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Consumer<TestResult> listener;

    /** A report that tells {@code listener} about each result as it is added. */
    public RunReport(Consumer<TestResult> listener) {
        this.listener = listener;
    }

    public void add(TestResult result) {
        synchronized (this) {
            results.add(result);
        }
        listener.accept(result);
    }

    /** Records a problem that is no test's result; it makes the run fail. */
    public synchronized void problem(String text) {
        problems.add(text);
    }

    /**
     * Records something that went wrong and was recovered from (a worker lost, then its test run
     * again and passed); the summary shows it, but it does not make the run fail.
     */
    public synchronized void note(String text) {
        notes.add(text);
    }

    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    public synchronized List<TestResult> results() {
        return List.copyOf(results);
    }

    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /** How many results of each kind (every kind present, zero included). */
    public synchronized Map<ResultKind, Integer> counts() {
        Map<ResultKind, Integer> counts = new EnumMap<>(ResultKind.class);
        for (ResultKind kind : ResultKind.values()) {
            counts.put(kind, 0);
        }
        for (TestResult result : results) {
            counts.merge(result.kind(), 1, Integer::sum);
        }
        return counts;
    }

    /** No failure, no error, no problem (trial's {@code wasSuccessful}). */
    public synchronized boolean wasSuccessful() {
        return problems.isEmpty() && results.stream().noneMatch(result -> result.kind().failsRun());
    }
}
