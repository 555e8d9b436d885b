package io.ampjava.cli;

import io.ampjava.transport.ListeningSocket;
import io.ampjava.transport.Transport;
import io.ampjava.transport.tcp.TcpListeningSocket;
import io.ampjava.transport.tcp.TcpTransport;
import io.ampjava.transport.unix.UnixListeningSocket;
import io.ampjava.transport.unix.UnixTransport;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where to connect or listen, as written on the command line: {@code unix:PATH},
 * {@code tcp:HOST:PORT} or {@code tls:HOST:PORT} (TCP, then StartTLS). The host may be left out
 * ({@code tcp:PORT}), which means 127.0.0.1; an IPv6 host goes in brackets ({@code tcp:[::1]:7000}).
 */
public sealed interface Address permits Address.Unix, Address.Tcp {
    /** A Unix socket: carries file descriptors. */
    record Unix(Path path) implements Address {
        @Override
        public Transport connect() throws IOException {
            return UnixTransport.connect(path);
        }

        @Override
        public ListeningSocket bind() throws IOException {
            return UnixListeningSocket.bind(path);
        }

        @Override
        public boolean carriesDescriptors() {
            return true;
        }

        @Override
        public String toString() {
            return "unix:" + path;
        }
    }

    /** A TCP address; {@code tls} when StartTLS runs right after the connection is made. */
    record Tcp(String host, int port, boolean tls) implements Address {
        @Override
        public Transport connect() throws IOException {
            return TcpTransport.connect(host, port);
        }

        @Override
        public Transport connect(Duration timeout) throws IOException {
            return TcpTransport.connect(host, port, timeout.isZero() ? null : timeout);
        }

        @Override
        public ListeningSocket bind() throws IOException {
            return TcpListeningSocket.bind(host, port);
        }

        @Override
        public boolean carriesDescriptors() {
            return false;
        }

        @Override
        public String toString() {
            String shown = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
            return (tls ? "tls:" : "tcp:") + shown + ":" + port;
        }
    }

    /** Connects: the caller owns the transport. */
    Transport connect() throws IOException;

    /**
     * Connects within {@code timeout} ({@link Duration#ZERO}: as long as the system waits). Only TCP
     * can wait: a Unix socket connects or fails at once.
     */
    default Transport connect(Duration timeout) throws IOException {
        return connect();
    }

    /** Binds and listens: the caller owns the socket. */
    ListeningSocket bind() throws IOException;

    /** {@link #bind()}, with a failure that names this address. */
    default ListeningSocket listen() throws IOException {
        try {
            return bind();
        } catch (IOException e) {
            String message = CliException.message(e);
            if (message.startsWith("cannot listen on ")) {
                throw e; // the runtime's message names the address already (TCP's does)
            }
            throw new IOException("cannot listen on " + this + ": " + message, e);
        }
    }

    /** Whether {@code Descriptor} values can travel here. */
    boolean carriesDescriptors();

    /**
     * Parses an address.
     *
     * @param what what the address is for, for the message, e.g. {@code "ADDRESS"}
     * @throws CliException ({@link ExitCode#USAGE}) saying what a valid address looks like
     */
    static Address parse(String text, String what) throws CliException {
        int colon = text.indexOf(':');
        String scheme = colon < 0 ? "" : text.substring(0, colon);
        String rest = colon < 0 ? "" : text.substring(colon + 1);
        switch (scheme) {
            case "unix":
                if (rest.isEmpty()) {
                    throw CliException.usage(what + " '" + text + "' has no path: write unix:PATH");
                }
                try {
                    return new Unix(Path.of(rest));
                } catch (InvalidPathException e) {
                    throw CliException.usage(what + " '" + text + "': not a path: " + e.getMessage());
                }
            case "tcp":
            case "tls":
                return tcp(text, what, rest, scheme.equals("tls"));
            default:
                throw CliException.usage(what + " '" + text
                        + "' is not an address: write unix:PATH, tcp:HOST:PORT or tls:HOST:PORT");
        }
    }

    private static Address tcp(String text, String what, String rest, boolean tls) throws CliException {
        String host;
        String port;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0 || close + 1 >= rest.length() || rest.charAt(close + 1) != ':') {
                throw CliException.usage(what + " '" + text + "': write an IPv6 host as [HOST]:PORT");
            }
            host = rest.substring(1, close);
            port = rest.substring(close + 2);
        } else {
            int last = rest.lastIndexOf(':');
            host = last < 0 ? "127.0.0.1" : rest.substring(0, last);
            port = last < 0 ? rest : rest.substring(last + 1);
        }
        if (host.isEmpty()) {
            throw CliException.usage(what + " '" + text + "' has no host: write " + (tls ? "tls" : "tcp")
                    + ":HOST:PORT");
        }
        int number;
        try {
            number = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 0 || number > 65535 || port.startsWith("+")) {
            throw CliException.usage(what + " '" + text + "': the port must be a number from 0 to 65535, not '"
                    + port + "'");
        }
        return new Tcp(host, number, tls);
    }
}
