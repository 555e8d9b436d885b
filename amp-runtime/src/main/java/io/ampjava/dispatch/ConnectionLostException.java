package io.ampjava.dispatch;

/**
 * The connection closed before the call was answered, or was closed when the call was made. The
 * cause, when there is one, says why (an I/O error, a {@code TooLongException}, a
 * {@code ProtocolException}...).
 */
public final class ConnectionLostException extends RuntimeException {
    /**
     * A lost connection.
     *
     * @param message which connection, and what the call was
     * @param cause why it closed
     */
    public ConnectionLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
