package io.ampjava.types;

/**
 * How one Java type travels as one AMP value (Twisted's {@code amp.Argument}).
 *
 * <p>Implementations are stateless and thread-safe; the built-in ones have an {@code INSTANCE}
 * constant. A custom type is one small class like them:
 *
 * <pre>{@code
 * public final class ColorType implements ArgumentType<Color> {
 *     public static final ColorType INSTANCE = new ColorType();
 *     public byte[] toWire(Color color, ArgumentContext context) {
 *         return UnicodeArgument.INSTANCE.toWire(color.name(), context);
 *     }
 *     public Color fromWire(byte[] wire, ArgumentContext context) {
 *         return Color.valueOf(UnicodeArgument.INSTANCE.fromWire(wire, context));
 *     }
 * }
 * }</pre>
 *
 * @param <T> the Java type
 */
public interface ArgumentType<T> {
    /**
     * Encodes a non-null value.
     *
     * @param value the value
     * @param context the connection's descriptors and limits
     * @return its bytes on the wire
     * @throws IllegalArgumentException if the value cannot be expressed (a lone surrogate, a
     *     value over the 65535-byte limit is left to the box encoder)
     */
    byte[] toWire(T value, ArgumentContext context);

    /**
     * Decodes a value received on the wire.
     *
     * @param wire the bytes received
     * @param context the connection's descriptors and limits
     * @return the value
     * @throws BadArgumentException if the bytes are not a valid encoding
     */
    T fromWire(byte[] wire, ArgumentContext context);
}
