package io.ampjava.dispatch;

import io.ampjava.transport.Transport;

/**
 * The transport one connection runs on right now: the one it was opened with, or the TLS transport
 * over it once StartTLS has run. The connection, its {@link OutboundQueue} and its
 * {@link DescriptorExchange} all read it here, so a TLS upgrade is one swap they all see.
 */
final class ConnectionTransport {
    private volatile Transport current;

    ConnectionTransport(Transport initial) {
        this.current = initial;
    }

    Transport get() {
        return current;
    }

    /** The current transport's description, e.g. {@code unix:/tmp/amp.sock}. */
    String describe() {
        return current.describe();
    }

    /**
     * Runs the connection on {@code replacement} from now on. Only while nothing is being written:
     * the outbound queue is drained and holding its boxes back (see {@link OutboundQueue#awaitWritten}).
     */
    void replace(Transport replacement) {
        current = replacement;
    }
}
