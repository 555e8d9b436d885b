package io.ampjava.tls;

/**
 * StartTLS was asked for on a connection that already started TLS, or is starting it (Twisted's
 * {@code OnlyOneTLS}). A connection runs TLS at most once; nothing was sent.
 */
public final class OnlyOneTlsException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * A refusal.
     *
     * @param message what was refused, and why
     */
    public OnlyOneTlsException(String message) {
        super(message);
    }
}
