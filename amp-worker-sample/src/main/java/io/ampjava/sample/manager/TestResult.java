package io.ampjava.sample.manager;

import java.util.Objects;

/**
 * One result the manager recorded.
 *
 * @param testName the name the worker reported (or the name that was run)
 * @param kind what happened
 * @param headline one line: the skip reason, or the error class and the first line of its text
 * @param details the whole text and traceback, for failures and errors; empty otherwise
 * @param worker the worker's index, or -1 for a result recorded by the manager itself
 * @param position the 1-based position in the run of the name that was run (a class run reports
 *     several results at one position)
 */
public record TestResult(String testName, ResultKind kind, String headline, String details, int worker, int position) {
    public TestResult {
        Objects.requireNonNull(testName, "testName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(details, "details");
    }

    static TestResult of(String testName, ResultKind kind, String headline, int worker, int position) {
        return new TestResult(testName, kind, headline, "", worker, position);
    }
}
