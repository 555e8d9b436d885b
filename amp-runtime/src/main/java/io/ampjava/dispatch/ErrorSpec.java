package io.ampjava.dispatch;

import java.util.Objects;
import java.util.function.Function;

/**
 * One declared error of a command: an exception type, the code it travels as, whether it closes the
 * connection, and how the caller side rebuilds the exception from the description.
 *
 * @param code the error code on the wire (ASCII in practice; sent as UTF-8)
 * @param type the exception type; a responder exception that is an instance of it maps to {@code code}
 * @param fatal whether the responder closes the connection after sending the error
 * @param factory builds the caller-side exception from the received description
 */
public record ErrorSpec(
        String code,
        Class<? extends Throwable> type,
        boolean fatal,
        Function<String, ? extends Throwable> factory) {
    /**
     * Checks that nothing but {@code fatal} is null.
     *
     * @param code the error code
     * @param type the exception type
     * @param fatal whether the error closes the connection
     * @param factory builds the caller-side exception
     */
    public ErrorSpec {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(factory, "factory");
    }

    /**
     * A declared error that leaves the connection open.
     *
     * @param code the error code on the wire
     * @param type the exception type
     * @param factory builds the caller-side exception from the description
     * @return the declaration
     */
    public static ErrorSpec of(String code, Class<? extends Throwable> type, Function<String, ? extends Throwable> factory) {
        return new ErrorSpec(code, type, false, factory);
    }

    /**
     * A declared error after which the responder closes the connection.
     *
     * @param code the error code on the wire
     * @param type the exception type
     * @param factory builds the caller-side exception from the description
     * @return the declaration
     */
    public static ErrorSpec fatal(String code, Class<? extends Throwable> type, Function<String, ? extends Throwable> factory) {
        return new ErrorSpec(code, type, true, factory);
    }
}
