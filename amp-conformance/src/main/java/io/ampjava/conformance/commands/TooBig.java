package io.ampjava.conformance.commands;

/** {@code Blob} of more than 65535 bytes: declared as {@code TOO_BIG}, not fatal. */
public class TooBig extends RuntimeException {
    public TooBig(String message) {
        super(message);
    }
}
