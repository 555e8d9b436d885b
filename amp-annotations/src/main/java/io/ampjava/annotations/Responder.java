package io.ampjava.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that answers an AMP command. The methods of one class (and of its superclasses)
 * form one responder locator, generated as {@code <Class>Locator}.
 *
 * <pre>{@code
 * final class Calculator {
 *     @Responder(Divide.class)
 *     Divide.Result divide(long numerator, long denominator) {
 *         return DivideCommand.response((double) numerator / denominator);
 *     }
 * }
 * }</pre>
 *
 * <p>Parameters match the command's arguments by name (the Java method name of each
 * {@link Argument}), in any order and any subset; a single parameter of the command interface's type
 * receives all arguments at once. The return type is the command's response type, a
 * {@code CompletionStage} of it, or {@code void} when the command has no response fields.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Responder {
    /** {@return the {@link AmpCommand} interface this method answers} */
    Class<?> value();
}
