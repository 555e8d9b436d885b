package io.ampjava.integration;

/** A checked exception: {@code callBlocking} declares it. */
public class CheckedFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public CheckedFailure(String message) {
        super(message);
    }
}
