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
    public ErrorSchema {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(exception, "exception");
    }
}
