package com.example.kv.protocol;

/** {@link Get} of a key without a value: the error {@code NOT_FOUND} on the wire. */
public final class KeyNotFoundException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Rebuilt on the caller's side from the error's description, so it takes the message. */
    public KeyNotFoundException(String message) {
        super(message);
    }

    public static KeyNotFoundException forKey(String key) {
        return new KeyNotFoundException("no value for key '" + key + "'");
    }
}
