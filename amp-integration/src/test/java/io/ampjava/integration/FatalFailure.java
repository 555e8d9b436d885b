package io.ampjava.integration;

public class FatalFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FatalFailure(String message) {
        super(message);
    }
}
