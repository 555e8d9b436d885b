package io.ampjava.integration;

/** The peer refused to switch protocol. */
public class SwitchRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SwitchRefused(String message) {
        super(message);
    }
}
