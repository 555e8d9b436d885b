package io.ampjava.sample.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TracebacksTest {
    @Test
    void javaFramesReadAsAJavaStackTraceInnermostFirst() {
        assertEquals("builtins.Exception: java.lang.IllegalStateException: boom\n"
                + "    at p.Inner.deep(Inner.java:7)\n"
                + "    at p.T.test(T.java:3)\n",
                Tracebacks.format("builtins.Exception", "java.lang.IllegalStateException: boom",
                        List.of("p.T.test", "T.java", "3", "p.Inner.deep", "Inner.java", "7")));
    }

    @Test
    void pythonFramesReadAsAPythonTraceback() {
        assertEquals("Traceback (most recent call last):\n"
                + "  File \"/t/test_x.py\", line 3, in test_it\n"
                + "builtins.ValueError: bad\n",
                Tracebacks.format("builtins.ValueError", "bad", List.of("test_it", "/t/test_x.py", "3")));
    }

    @Test
    void malformedFramesAreShownNotDropped() {
        assertEquals("E: x\n    at f(a.java:1)\n    stray\n", Tracebacks.format("E", "x", List.of("f", "a.java", "1", "stray")));
    }

    @Test
    void headlineIsOneShortLine() {
        assertEquals("E: first ...", Tracebacks.headline("E", "first\nsecond"));
        assertEquals(3 + 200 + 4, Tracebacks.headline("E", "x".repeat(500)).length());
    }
}
