package io.ampjava.cli.proxy;

/** Which way bytes go through the proxy. */
enum Direction {
    CLIENT_TO_SERVER("C->S", "client-to-server"),
    SERVER_TO_CLIENT("S->C", "server-to-client");

    private final String arrow;
    private final String label;

    Direction(String arrow, String label) {
        this.arrow = arrow;
        this.label = label;
    }

    /** For text output: {@code C->S}. */
    String arrow() {
        return arrow;
    }

    /** For JSON output: {@code client-to-server}. */
    String label() {
        return label;
    }

    Direction opposite() {
        return this == CLIENT_TO_SERVER ? SERVER_TO_CLIENT : CLIENT_TO_SERVER;
    }
}
