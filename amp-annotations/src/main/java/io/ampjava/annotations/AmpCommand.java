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
 * <p>The annotation processor generates, next to the interface, a class {@code DivideCommand}
 * ({@code Outer_DivideCommand} for an interface nested in {@code Outer}, or the name given as
 * {@link #className}) with:
 * <ul>
 *   <li>{@code COMMAND}, the command as the runtime needs it (wire name, codecs, errors);
 *   <li>{@code arguments(...)} and {@code response(...)}, immutable values of the interfaces, and a
 *       factory for each {@code AmpList} element interface ({@code item(...)} for {@code Item});
 *   <li>{@code call(connection, ...)}, returning a {@code CompletableFuture} of the response, and
 *       {@code callBlocking(connection, ...)} (for a {@link #switchesProtocol} command, both take the
 *       protocol to switch to last, and return it).
 * </ul>
 *
 * <p>Every abstract method of the interface (inherited ones included) is an {@link Argument}; the
 * interface must not be generic or private. See {@code docs/user-guide.md} for the supported types.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface AmpCommand {
    /** {@return the command's wire name; the interface's simple name when empty} At most 255 UTF-8 bytes. */
    String name() default "";

    /**
     * {@return the simple name of the generated class, in the interface's package}
     * {@code <Name>Command} when empty ({@code Outer_<Name>Command} for an interface nested in
     * {@code Outer}). Choose one when the default is taken, by a class of yours or by another
     * command's generated class:
     *
     * <pre>{@code
     * @AmpCommand(className = "DivisionCalls")   // generates DivisionCalls, not DivideCommand
     * public interface Divide { ... }
     * }</pre>
     */
    String className() default "";

    /** {@return the exceptions this command may raise on the responder side, each mapped to an error code} */
    AmpError[] errors() default {};

    /**
     * {@return whether the caller asks for an answer ({@code _ask})} When false, the call completes as soon as
     * the request is written and the responder's answer, if any, is never sent (Twisted's
     * {@code requiresAnswer = False}).
     */
    boolean requiresAnswer() default true;

    /**
     * {@return whether the responder closes the connection once its answer is written} (Twisted's
     * {@code responseType = QuitBox}.)
     */
    boolean closesConnection() default false;

    /**
     * {@return whether a successful answer switches the connection to another protocol} (Twisted's
     * {@code ProtocolSwitchCommand}.) Every byte after the answer then belongs to that protocol.
     * The generated {@code call} takes the {@code SwitchedProtocol} to switch to as its last
     * parameter; a {@code @Responder} returns the protocol (or a {@code CompletionStage} of it). Such
     * a command has no {@link Response} (the answer is {@code _answer} alone), requires an answer and
     * does not close the connection.
     */
    boolean switchesProtocol() default false;
}
