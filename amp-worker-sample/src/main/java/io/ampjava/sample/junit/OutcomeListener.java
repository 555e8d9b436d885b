package io.ampjava.sample.junit;

import java.util.Optional;
import java.util.function.Consumer;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Turns JUnit's execution events into {@link TestOutcome}s: one per test, plus one for a class or
 * engine that failed or was skipped as a whole (its tests then never run, so nothing else would
 * report them).
 */
final class OutcomeListener implements TestExecutionListener {
    private final String requestedName;
    private final Consumer<TestOutcome> outcomes;
    private int reported;

    OutcomeListener(String requestedName, Consumer<TestOutcome> outcomes) {
        this.requestedName = requestedName;
        this.outcomes = outcomes;
    }

    int reported() {
        return reported;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        report(new TestOutcome.Skipped(nameOf(test), reason == null ? "skipped" : reason));
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        switch (result.getStatus()) {
            case SUCCESSFUL:
                if (test.isTest()) {
                    report(new TestOutcome.Passed(nameOf(test)));
                }
                break;
            case ABORTED:
                report(new TestOutcome.Skipped(nameOf(test), result.getThrowable()
                        .map(OutcomeListener::reason)
                        .orElse("aborted")));
                break;
            case FAILED:
                Throwable failure = result.getThrowable()
                        .orElseGet(() -> new IllegalStateException("JUnit reported a failure without an exception"));
                FailureDetails details = FailureDetails.of(failure, classOf(test).orElse(null));
                report(failure instanceof AssertionError
                        ? new TestOutcome.Failed(nameOf(test), details)
                        : new TestOutcome.Errored(nameOf(test), details));
                break;
            default:
                throw new IllegalStateException("unknown JUnit status " + result.getStatus());
        }
    }

    private void report(TestOutcome outcome) {
        reported++;
        outcomes.accept(outcome);
    }

    private static String reason(Throwable abort) {
        String message = abort.getMessage();
        return message == null || message.isEmpty() ? abort.toString() : message;
    }

    /**
     * {@code pkg.Class#method} for a method; {@code pkg.Class#method[display name]} for one
     * invocation of a parameterized or repeated method; {@code pkg.Class} for a class.
     */
    private String nameOf(TestIdentifier test) {
        Optional<TestSource> source = test.getSource();
        if (source.isPresent() && source.get() instanceof MethodSource) {
            MethodSource method = (MethodSource) source.get();
            String name = method.getClassName() + "#" + method.getMethodName();
            String kind = test.getUniqueIdObject().getLastSegment().getType();
            return "method".equals(kind) ? name : name + "[" + test.getDisplayName() + "]";
        }
        if (source.isPresent() && source.get() instanceof ClassSource) {
            return ((ClassSource) source.get()).getClassName();
        }
        return requestedName;
    }

    private static Optional<String> classOf(TestIdentifier test) {
        return test.getSource().map(source -> {
            if (source instanceof MethodSource) {
                return ((MethodSource) source).getClassName();
            }
            if (source instanceof ClassSource) {
                return ((ClassSource) source).getClassName();
            }
            return null;
        });
    }
}
