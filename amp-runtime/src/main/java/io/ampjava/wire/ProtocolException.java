package io.ampjava.wire;

/**
 * The peer broke the protocol (an empty box, a box with no role, an answer to an unknown tag, too
 * many keys...). The connection that received it is closed without sending anything, as Twisted
 * does, and outstanding calls fail with this exception as the cause.
 */
public class ProtocolException extends RuntimeException {
    /**
     * A protocol violation.
     *
     * @param message what the peer sent wrong
     */
    public ProtocolException(String message) {
        super(message);
    }

    /**
     * A protocol violation.
     *
     * @param message what the peer sent wrong
     * @param cause the underlying error
     */
    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
