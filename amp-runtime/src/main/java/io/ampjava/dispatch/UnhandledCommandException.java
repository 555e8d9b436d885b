package io.ampjava.dispatch;

/**
 * The peer has no responder for the command ({@code _error_code UNHANDLED}); the connection stays
 * up. Twisted's {@code UnhandledCommand}.
 */
public final class UnhandledCommandException extends RuntimeException {
    /** The peer's description. */
    private final String description;

    /**
     * An unhandled command.
     *
     * @param description the peer's description
     */
    public UnhandledCommandException(String description) {
        super(description);
        this.description = description;
    }

    /** {@return the peer's description, e.g. {@code Unhandled Command: b'Sum'}} */
    public String description() {
        return description;
    }
}
