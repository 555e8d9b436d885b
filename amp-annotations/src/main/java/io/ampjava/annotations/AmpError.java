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

    /**
     * {@return the Python exception class of this error} That is its name in the Python module the
     * processor can generate (see {@code docs/user-guide.md}, "The Python side"); empty for the default: the exception's simple
     * name with a final {@code Exception} made {@code Error} ({@code QuotaException} to
     * {@code QuotaError}), or the Python built-in a few JDK exceptions stand for
     * ({@code ArithmeticException} to {@code ZeroDivisionError}). A name of a Python built-in
     * exception ({@code ValueError}, {@code KeyError}...) uses it; any other name is a class the module
     * defines.
     */
    String pythonName() default "";
}
