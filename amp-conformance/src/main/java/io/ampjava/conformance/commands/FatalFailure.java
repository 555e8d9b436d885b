package io.ampjava.conformance.commands;

/** {@code Fail(mode=fatal)}: declared as the fatal {@code FATAL}; the responder closes after it. */
public class FatalFailure extends RuntimeException {
    public FatalFailure(String message) {
        super(message);
    }
}
