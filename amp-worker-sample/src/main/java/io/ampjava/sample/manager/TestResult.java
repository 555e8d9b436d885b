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
 * @param host the host the worker ran on, or empty for a worker on this machine
 * @param seconds how long the test took, as the manager saw it: from the {@code Run} (or the
 *     previous result of the same {@code Run}) to this result
 * @param output what the test printed, as its worker's {@code TestWrite} lines carried it
 * @param errorOutput what the worker itself wrote to its standard error, when that explains the
 *     result (a worker that died or hung); empty otherwise
 */
public record TestResult(String testName, ResultKind kind, String headline, String details, int worker, int position,
        String host, double seconds, String output, String errorOutput) {
    public TestResult {
        Objects.requireNonNull(testName, "testName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(errorOutput, "errorOutput");
    }

    /** A result with no host, time or output. */
    public TestResult(String testName, ResultKind kind, String headline, String details, int worker, int position) {
        this(testName, kind, headline, details, worker, position, "", 0, "", "");
    }

    static TestResult of(String testName, ResultKind kind, String headline, int worker, int position) {
        return new TestResult(testName, kind, headline, "", worker, position);
    }

    /** The same result, timed and with the test's output. */
    TestResult with(String host, double seconds, String output) {
        return new TestResult(testName, kind, headline, details, worker, position, host, seconds, output, errorOutput);
    }

    /**
     * The class a result belongs to: the part of its name before {@code #}; for a name without
     * one, the whole name when its last part is capitalised (a class-level result, Java or Python),
     * else the part before the last dot (a Python test method).
     */
    public String className() {
        int hash = testName.indexOf('#');
        if (hash >= 0) {
            return testName.substring(0, hash);
        }
        int dot = testName.lastIndexOf('.');
        if (dot < 0 || dot == testName.length() - 1 || Character.isUpperCase(testName.charAt(dot + 1))) {
            return testName;
        }
        return testName.substring(0, dot);
    }

    /** The test within its class (the rest of the name), or the class name for a class-level result. */
    public String methodName() {
        String owner = className();
        return testName.length() > owner.length() ? testName.substring(owner.length() + 1) : testName;
    }

    /** {@code worker 1}, or {@code worker 1 on h2} for a worker on another host. */
    public String where() {
        if (worker < 0) {
            return "";
        }
        return "worker " + worker + (host.isEmpty() ? "" : " on " + host);
    }
}
