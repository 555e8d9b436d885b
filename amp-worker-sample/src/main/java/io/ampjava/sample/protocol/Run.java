package io.ampjava.sample.protocol;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;

/**
 * Manager to worker: run one test (or every test of a class or module) and report its results with
 * the {@code Add*} commands before answering (Twisted's {@code workercommands.Run}).
 */
@AmpCommand
public interface Run {
    /**
     * The test's name: {@code pkg.Class#method} or {@code pkg.Class} for the Java worker, a Python
     * dotted name such as {@code pkg.test_mod.Tests.test_x} for Twisted's.
     */
    @Argument
    String testCase();

    /**
     * Whether every result report was delivered (answered by the manager); not whether the test
     * passed.
     */
    @Response
    interface Result {
        @Argument
        boolean success();
    }
}
