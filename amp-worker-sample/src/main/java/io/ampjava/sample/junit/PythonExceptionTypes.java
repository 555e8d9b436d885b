package io.ampjava.sample.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeoutException;

/**
 * The Python exception class a Java throwable is reported as. A Twisted manager imports the class
 * by name, so only classes every Python has ({@code builtins.*}) are used; the Java class itself is
 * always in the report's text.
 */
public final class PythonExceptionTypes {
    /** A failed assertion; trial reports its own {@code FailTest} the same way. */
    public static final String ASSERTION = "builtins.AssertionError";
    /** Anything without a closer match. */
    public static final String GENERIC = "builtins.Exception";
    /** A test name that names nothing; what trial's loader raises for an unknown name. */
    public static final String NOT_FOUND = "builtins.AttributeError";

    private PythonExceptionTypes() {}

    /** The Python class name for {@code failure}, the closest of a handful of builtins. */
    public static String of(Throwable failure) {
        if (failure instanceof AssertionError) {
            return ASSERTION;
        }
        if (failure instanceof IllegalArgumentException) {
            return "builtins.ValueError";
        }
        if (failure instanceof UnsupportedOperationException) {
            return "builtins.NotImplementedError";
        }
        if (failure instanceof IndexOutOfBoundsException || failure instanceof java.util.NoSuchElementException) {
            return "builtins.IndexError";
        }
        if (failure instanceof ClassCastException) {
            return "builtins.TypeError";
        }
        if (failure instanceof ArithmeticException) {
            return "builtins.ArithmeticError";
        }
        if (failure instanceof IOException || failure instanceof UncheckedIOException) {
            return "builtins.OSError";
        }
        if (failure instanceof TimeoutException) {
            return "builtins.TimeoutError";
        }
        if (failure instanceof StackOverflowError) {
            return "builtins.RecursionError";
        }
        if (failure instanceof OutOfMemoryError) {
            return "builtins.MemoryError";
        }
        return GENERIC;
    }
}
