package io.ampjava.schema;

import java.util.Objects;

/**
 * One declared error of a command.
 *
 * @param code the error code on the wire
 * @param fatal whether the responder closes the connection after sending it (Twisted's {@code fatalErrors})
 * @param exception the binary name of the exception class it maps to
 */
public record ErrorSchema(String code, boolean fatal, String exception) {
    /**
     * Checks the code.
     *
     * @param code the error code
     * @param fatal whether it closes the connection
     * @param exception the exception's class name
     */
    public ErrorSchema {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(exception, "exception");
    }
}
