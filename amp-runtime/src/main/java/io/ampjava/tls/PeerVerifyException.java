package io.ampjava.tls;

import javax.net.ssl.SSLException;

/**
 * The TLS handshake failed, or the peer closed the connection while it ran or right after it
 * (before sending any data): in all these cases one side refused the other's certificate, or could
 * not agree on security at all (Twisted's {@code PeerVerifyError}).
 *
 * <p>The {@code startTls} future and every call outstanding on the connection fail with it; the
 * connection is closed. The cause, when there is one, is the JDK's {@link SSLException} (a
 * certificate the trust managers refused, a fatal alert from the peer) or the I/O error.
 */
public final class PeerVerifyException extends SSLException {
    private static final long serialVersionUID = 1L;

    /**
     * A failed handshake.
     *
     * @param message what failed
     * @param cause the TLS engine's exception
     */
    public PeerVerifyException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A failed handshake.
     *
     * @param message what failed
     */
    public PeerVerifyException(String message) {
        super(message);
    }
}
