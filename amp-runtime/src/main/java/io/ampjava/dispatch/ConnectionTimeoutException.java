package io.ampjava.dispatch;

import java.io.IOException;

/**
 * Why a connection was closed by one of its timeouts: the peer was idle too long, took none of the
 * boxes queued for it, or held a spent {@link MemoryBudget} too long. It is the connection's
 * {@link AmpConnection#closeCause()}, and the cause of the {@link ConnectionLostException} its
 * outstanding calls fail with.
 */
public final class ConnectionTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * A timeout.
     *
     * @param message which timeout passed, and how long it was
     */
    public ConnectionTimeoutException(String message) {
        super(message);
    }
}
