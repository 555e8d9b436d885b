package io.ampjava.types;

/**
 * A value received on the wire is not a valid encoding of its type, or a required key is missing.
 * A responder that meets one answers {@code UNKNOWN} and closes the connection, as Twisted does.
 */
public class BadArgumentException extends IllegalArgumentException {
    public BadArgumentException(String message) {
        super(message);
    }

    public BadArgumentException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A required argument is absent from the box. */
    public static BadArgumentException missing(String key) {
        return new BadArgumentException("missing required argument '" + key + "'");
    }
}
