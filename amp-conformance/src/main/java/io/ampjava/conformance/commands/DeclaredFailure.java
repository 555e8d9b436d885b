package io.ampjava.conformance.commands;

/** {@code Fail(mode=declared)}: declared as {@code DECLARED}, not fatal. */
public class DeclaredFailure extends RuntimeException {
    public DeclaredFailure(String message) {
        super(message);
    }
}
