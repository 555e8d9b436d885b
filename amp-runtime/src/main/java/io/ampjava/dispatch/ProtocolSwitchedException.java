package io.ampjava.dispatch;

/**
 * A box was to be sent on a connection that switched to another protocol, or that waits for the
 * answer to its own switch request (Twisted's {@code ProtocolSwitched}). Nothing was sent; the
 * connection stays up for the new protocol.
 */
public final class ProtocolSwitchedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * A refusal.
     *
     * @param message what was refused, and why
     */
    public ProtocolSwitchedException(String message) {
        super(message);
    }
}
