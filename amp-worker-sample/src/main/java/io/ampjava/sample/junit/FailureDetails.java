package io.ampjava.sample.junit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A failure or error as trial's reports carry it: a Python class name, a text, and the traceback as
 * flattened frame triples (function, file, line number), outermost call first as in a Python
 * traceback.
 *
 * <p>A Twisted manager resolves {@link #pythonClass()} with {@code namedObject}, so a Java exception
 * cannot travel under its own name: the Python class is the nearest builtin (see
 * {@link PythonExceptionTypes}) and the Java class and message are the start of {@link #text()}.
 *
 * @param pythonClass an importable Python exception class, e.g. {@code builtins.AssertionError}
 * @param text the Java exception's {@code toString()} and its causes, one per line
 * @param frames {@code function, file, line} repeated, outermost first; its size is a multiple of 3
 */
public record FailureDetails(String pythonClass, String text, List<String> frames) {
    private static final int MAX_CAUSES = 16;

    public FailureDetails {
        Objects.requireNonNull(pythonClass, "pythonClass");
        Objects.requireNonNull(text, "text");
        frames = List.copyOf(frames);
        if (frames.size() % 3 != 0) {
            throw new IllegalArgumentException("frames come in triples, got " + frames.size() + " strings");
        }
    }

    /** A failure without a traceback, e.g. for a test that does not exist. */
    public static FailureDetails of(String pythonClass, String text) {
        return new FailureDetails(pythonClass, text, List.of());
    }

    /**
     * Describes {@code failure} thrown by a test of {@code testClass}. The frames stop at the test
     * class's outermost frame: what lies below it is JUnit's machinery, the same for every test.
     *
     * @param testClass the test's class name, or null to keep every frame
     */
    public static FailureDetails of(Throwable failure, String testClass) {
        return new FailureDetails(PythonExceptionTypes.of(failure), describe(failure), frames(failure, testClass));
    }

    /** The number of frames (triples). */
    public int frameCount() {
        return frames.size() / 3;
    }

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(failure);
        Throwable cause = failure.getCause();
        for (int depth = 0; cause != null && seen.add(cause) && depth < MAX_CAUSES; depth++) {
            text.append("\nCaused by: ").append(cause);
            cause = cause.getCause();
        }
        return text.toString();
    }

    private static List<String> frames(Throwable failure, String testClass) {
        StackTraceElement[] stack = failure.getStackTrace();
        int outermost = stack.length - 1;
        if (testClass != null) {
            for (int i = stack.length - 1; i >= 0; i--) {
                String className = stack[i].getClassName();
                if (className.equals(testClass) || className.startsWith(testClass + "$")) {
                    outermost = i;
                    break;
                }
            }
        }
        List<String> frames = new ArrayList<>(3 * (outermost + 1));
        for (int i = outermost; i >= 0; i--) {
            StackTraceElement frame = stack[i];
            frames.add(frame.getClassName() + "." + frame.getMethodName());
            frames.add(frame.getFileName() == null ? "Unknown Source" : frame.getFileName());
            // Python parses the number with int(): native and unknown lines (-2, -1) are valid ints.
            frames.add(Integer.toString(frame.getLineNumber()));
        }
        return frames;
    }
}
