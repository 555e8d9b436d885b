package io.ampjava.transport;

/**
 * Which end of a connection this side is: the one that connected or the one that accepted.
 *
 * <p>StartTLS gives the TLS client role to the side that connected, whoever asked for TLS, as
 * Twisted does; a transport that cannot tell ({@link #UNKNOWN}, e.g. a pipe) needs the role set in
 * the TLS options.
 */
public enum TransportRole {
    /** This side connected (a TCP client). */
    CLIENT,
    /** This side accepted the connection (a TCP server). */
    SERVER,
    /** This transport does not know (pipes, in-memory pairs, a channel handed over as it was). */
    UNKNOWN
}
