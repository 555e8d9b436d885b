package io.ampjava.dispatch;

import java.util.Objects;

/**
 * Why a connection closed: {@link AmpConnection#closeFuture()} completes with it. A child process
 * driven over pipes, say, exits 0 when its parent closed the connection or it answered a closing
 * command, and non-zero when the connection failed:
 *
 * <pre>{@code
 * CloseReason reason = connection.closeFuture().join();
 * System.exit(reason.isClean() ? 0 : 1);
 * }</pre>
 *
 * @param kind who or what closed it
 * @param cause the exception that tells the details: an {@link java.io.EOFException} when the peer
 *     closed it, an {@link java.io.IOException} naming this side's close, or the failure
 */
public record CloseReason(Kind kind, Throwable cause) {
    /** Who or what closed a connection. */
    public enum Kind {
        /** This side closed it ({@link AmpConnection#close()} or {@link AmpConnection#closeGracefully}). */
        CLOSED_HERE,
        /**
         * This side answered a request that ends the connection (a command that closes it, as
         * Twisted's {@code QuitBox}, or a fatal error) and closed once the answer was written; or the
         * protocol it switched to closed it.
         */
        CLOSED_AFTER_ANSWER,
        /** The peer closed it: end of stream. */
        CLOSED_BY_PEER,
        /**
         * It failed: a protocol violation, an I/O error, a timeout, a refused TLS handshake;
         * {@link #cause()} says which.
         */
        FAILED
    }

    /**
     * Checks the kind.
     *
     * @param kind how the connection ended
     * @param cause why, when it failed or the peer closed it
     */
    public CloseReason {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cause, "cause");
    }

    /** {@return whether the connection ended as one side meant it to: anything but {@link Kind#FAILED}} */
    public boolean isClean() {
        return kind != Kind.FAILED;
    }

    @Override
    public String toString() {
        return kind + ": " + cause.getMessage();
    }
}
