package io.ampjava.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an AMP command: an interface whose {@link Argument} methods are the command's arguments.
 *
 * <pre>{@code
 * @AmpCommand(errors = @AmpError(code = "ZERO_DIVISION", exception = ArithmeticException.class))
 * public interface Divide {
 *     @Argument long numerator();
 *     @Argument long denominator();
 *
 *     @Response interface Result {
 *         @Argument double result();
 *     }
 * }
 * }</pre>
 *
 * <p>The annotation processor generates, next to the interface, a class {@code DivideCommand} that
 * encodes and decodes the command and offers {@code call} stubs.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface AmpCommand {
    /** The command's wire name; the interface's simple name when empty. At most 255 UTF-8 bytes. */
    String name() default "";

    /** Exceptions this command may raise on the responder side, each mapped to an error code. */
    AmpError[] errors() default {};

    /**
     * Whether the caller asks for an answer ({@code _ask}). When false, the call completes as soon as
     * the request is written and the responder's answer, if any, is never sent (Twisted's
     * {@code requiresAnswer = False}).
     */
    boolean requiresAnswer() default true;

    /**
     * Whether the responder closes the connection once its answer is written (Twisted's
     * {@code responseType = QuitBox}).
     */
    boolean closesConnection() default false;
}
