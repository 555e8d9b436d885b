package io.ampjava.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps an exception type to an AMP error code for one command.
 *
 * <p>On the responder side, an exception of {@link #exception()} (or a subclass) thrown by the
 * responder is answered with {@code _error_code = code} and {@code _error_description =} the
 * exception's message. On the caller side, an error box with this code completes the call's future
 * exceptionally with a new {@link #exception()} built from the description, so the exception type
 * needs a public constructor taking one {@code String} (or a public no-argument constructor).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface AmpError {
    /** {@return the error code sent on the wire, e.g. {@code "ZERO_DIVISION"}} */
    String code();

    /** {@return the exception type mapped to {@link #code()}} */
    Class<? extends Throwable> exception();

    /** {@return whether the responder closes the connection after sending this error} (Twisted's {@code fatalErrors}.) */
    boolean fatal() default false;
}
