package com.example.kv;

import io.ampjava.Amp;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ConnectionOptions;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.server.AmpServer;
import io.ampjava.server.ServerOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Where the server listens and a client connects: a Unix socket or a TCP host and port. */
public sealed interface Endpoint {
    /** Connects to the server here; {@code locator} answers the server's calls. */
    AmpConnection connect(ResponderLocator locator, ConnectionOptions options) throws IOException;

    /** Serves here, with a new locator from {@code locators} for each connection. */
    AmpServer listen(Supplier<? extends ResponderLocator> locators, ServerOptions options) throws IOException;

    /** A Unix socket: carries descriptors, and only this machine's users (the file's mode allows) reach it. */
    record Unix(Path path) implements Endpoint {
        @Override
        public AmpConnection connect(ResponderLocator locator, ConnectionOptions options) throws IOException {
            return Amp.connectUnix(path, locator, options);
        }

        @Override
        public AmpServer listen(Supplier<? extends ResponderLocator> locators, ServerOptions options)
                throws IOException {
            return Amp.listenUnix(path, locators, options);
        }

        @Override
        public String toString() {
            return "unix:" + path;
        }
    }

    /** TCP; port 0 to listen on a free port. */
    record Tcp(String host, int port) implements Endpoint {
        @Override
        public AmpConnection connect(ResponderLocator locator, ConnectionOptions options) throws IOException {
            return Amp.connectTcp(host, port, locator, options);
        }

        @Override
        public AmpServer listen(Supplier<? extends ResponderLocator> locators, ServerOptions options)
                throws IOException {
            return Amp.listenTcp(host, port, locators, options);
        }

        @Override
        public String toString() {
            return "tcp:" + host + ":" + port;
        }
    }

    /**
     * The endpoints of a command line: {@code --unix PATH} and {@code --tcp HOST:PORT}, each as often
     * as wanted.
     *
     * @throws IllegalArgumentException for anything else, or for none at all
     */
    static List<Endpoint> parse(String... args) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--unix" -> endpoints.add(new Unix(Path.of(value)));
                case "--tcp" -> {
                    int colon = value.lastIndexOf(':');
                    if (colon < 0) {
                        throw new IllegalArgumentException("--tcp takes HOST:PORT, not " + value);
                    }
                    endpoints.add(new Tcp(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1))));
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("give --unix PATH, --tcp HOST:PORT, or both");
        }
        return endpoints;
    }

    /**
     * The endpoints of a program's command line ({@link #parse}); for a bad one, says why and how
     * to call {@code program} on standard error, and exits with status 2.
     */
    static List<Endpoint> ofCommandLine(String program, String... args) {
        try {
            return parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: " + program + " [--unix PATH] [--tcp HOST:PORT]");
            System.exit(2);
            throw e; // not reached
        }
    }
}
