package io.ampjava.types;

/**
 * A value received on the wire is not a valid encoding of its type, or a required key is missing.
 * A responder that meets one answers {@code UNKNOWN} and closes the connection, as Twisted does.
 */
public class BadArgumentException extends IllegalArgumentException {
    /**
     * A bad argument.
     *
     * @param message which argument, and what is wrong with it
     */
    public BadArgumentException(String message) {
        super(message);
    }

    /**
     * A bad argument.
     *
     * @param message which argument, and what is wrong with it
     * @param cause the decoding error
     */
    public BadArgumentException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A required argument is absent from the box.
     *
     * @param key the argument's key
     * @return the exception
     */
    public static BadArgumentException missing(String key) {
        return new BadArgumentException("missing required argument '" + key + "'");
    }
}
