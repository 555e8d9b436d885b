package io.ampjava.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface method as an AMP argument (in a command, a response or an {@code AmpList}
 * element). The method takes no parameters; its return type chooses the AMP type.
 *
 * <pre>{@code
 * @Argument long numerator();                     // wire key "numerator", AMP Integer
 * @Argument("dash-arg") String dashArg();         // wire key "dash-arg", AMP Unicode
 * @Argument(optional = true) String note();       // absent on the wire <=> null
 * @Argument(type = MyColorType.class) Color c();  // a custom ArgumentType
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Argument {
    /** {@return the wire key; the method name when empty} At most 255 UTF-8 bytes, and not starting with {@code _}. */
    String value() default "";

    /** {@return whether the argument may be absent} Absent on the wire is {@code null} in Java. */
    boolean optional() default false;

    /**
     * {@return a custom argument type} It is a class implementing {@code io.ampjava.types.ArgumentType<T>} for the
     * method's return type {@code T}, with a public no-argument constructor or a public static final
     * {@code INSTANCE} field. {@code void.class} (the default) means: choose from the Java type.
     */
    Class<?> type() default void.class;
}
