package io.ampjava.integration;

public class DeclaredFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeclaredFailure(String message) {
        super(message);
    }
}
