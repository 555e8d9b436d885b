package io.ampjava.sample.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureDetailsTest {
    @Test
    void textListsTheCausesAndSurvivesACycle() {
        IllegalStateException top = new IllegalStateException("top");
        RuntimeException middle = new RuntimeException("middle");
        top.initCause(middle);
        IOException bottom = new IOException("bottom");
        middle.initCause(bottom);
        assertEquals("java.lang.IllegalStateException: top\nCaused by: java.lang.RuntimeException: middle\n"
                + "Caused by: java.io.IOException: bottom", FailureDetails.of(top, null).text());

        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        assertEquals("java.lang.Exception: a\nCaused by: java.lang.Exception: b", FailureDetails.of(a, null).text());
    }

    @Test
    void framesAreOutermostFirstTriples() {
        Exception failure = new Exception("x");
        failure.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("p.Inner", "deep", "Inner.java", 7),
            new StackTraceElement("p.T", "test", "T.java", 3),
            new StackTraceElement("org.junit.Runner", "run", null, -2),
        });
        assertEquals(List.of("org.junit.Runner.run", "Unknown Source", "-2", "p.T.test", "T.java", "3",
                "p.Inner.deep", "Inner.java", "7"), FailureDetails.of(failure, null).frames());
        assertEquals(List.of("p.T.test", "T.java", "3", "p.Inner.deep", "Inner.java", "7"),
                FailureDetails.of(failure, "p.T").frames());
    }

    @Test
    void framesMustComeInTriples() {
        assertThrows(IllegalArgumentException.class, () -> new FailureDetails("builtins.Exception", "", List.of("a", "b")));
    }

    @Test
    void pythonClassesAreBuiltins() {
        assertEquals("builtins.AssertionError", PythonExceptionTypes.of(new AssertionError()));
        assertEquals("builtins.ValueError", PythonExceptionTypes.of(new NumberFormatException()));
        assertEquals("builtins.OSError", PythonExceptionTypes.of(new java.io.FileNotFoundException()));
        assertEquals("builtins.IndexError", PythonExceptionTypes.of(new ArrayIndexOutOfBoundsException()));
        assertEquals("builtins.Exception", PythonExceptionTypes.of(new NullPointerException()));
    }
}
