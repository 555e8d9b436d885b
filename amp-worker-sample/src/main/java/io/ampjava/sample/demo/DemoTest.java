package io.ampjava.sample.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * One test of each kind of result, for trying a worker by hand and for the interop tests. Two of
 * them fail on purpose, so this class is not part of the bundled suite.
 */
public class DemoTest {
    @Test
    void passes() {
        assertEquals(4, 2 + 2);
    }

    @Test
    void failsAssertion() {
        assertEquals(5, 2 + 2, "2 + 2 was expected to be 5, on purpose");
    }

    @Test
    void throwsError() {
        throw new IllegalStateException("demo error, on purpose");
    }

    @Test
    void isSkipped() {
        assumeTrue(false, "demo skip: the assumption does not hold");
    }

    @Test
    void printsOutput() {
        System.out.println("hello from demo");
    }
}
