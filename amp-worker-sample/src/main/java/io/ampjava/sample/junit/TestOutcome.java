package io.ampjava.sample.junit;

import java.util.Objects;

/**
 * What happened to one test, in trial's terms: a success, a failure (a failed assertion), an error
 * (any other exception, or a test that cannot be found) or a skip.
 */
public sealed interface TestOutcome {
    /** The test's name, {@code pkg.Class#method} for a Java test. */
    String testName();

    /** The test passed. */
    record Passed(String testName) implements TestOutcome {
        public Passed {
            Objects.requireNonNull(testName, "testName");
        }
    }

    /** An assertion failed ({@link AssertionError} and its subclasses). */
    record Failed(String testName, FailureDetails details) implements TestOutcome {
        public Failed {
            Objects.requireNonNull(testName, "testName");
            Objects.requireNonNull(details, "details");
        }
    }

    /** The test threw something else, or could not be found or set up. */
    record Errored(String testName, FailureDetails details) implements TestOutcome {
        public Errored {
            Objects.requireNonNull(testName, "testName");
            Objects.requireNonNull(details, "details");
        }
    }

    /** The test was disabled, or an assumption aborted it. */
    record Skipped(String testName, String reason) implements TestOutcome {
        public Skipped {
            Objects.requireNonNull(testName, "testName");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
