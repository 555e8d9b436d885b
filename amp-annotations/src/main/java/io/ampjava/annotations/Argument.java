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
 * @Argument(large = true) byte[] image();         // over 64 KiB, split across keys
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

    /**
     * {@return whether the value may be longer than AMP's 65,535 bytes} A {@code byte[]} or a {@code String}
     * (as UTF-8) then travels split across keys ({@code io.ampjava.types.LargeValue}: the key holds
     * the length, {@code key.0}, {@code key.1}, ... hold the bytes), up to the connection's
     * {@code maxLargeValueBytes}. Both peers must declare it so: in the Python module the processor
     * generates, such an argument is a {@code LargeString} or {@code LargeUnicode}. The key is at most
     * 249 UTF-8 bytes, so that its chunk keys fit AMP's 255; a record must have no other key that
     * starts with it and a dot; an {@code AmpList} element, which travels as one value, cannot have one.
     */
    boolean large() default false;
}
