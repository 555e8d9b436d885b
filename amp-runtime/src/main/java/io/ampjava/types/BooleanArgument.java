package io.ampjava.types;

import io.ampjava.wire.Bytes;
import java.util.Arrays;

/**
 * AMP {@code Boolean}: exactly {@code True} or {@code False}. Like Twisted, decoding refuses every
 * other spelling ({@code true}, {@code TRUE}, {@code 1}, the empty string).
 */
public final class BooleanArgument implements ArgumentType<Boolean> {
    /** The one instance. */
    public static final BooleanArgument INSTANCE = new BooleanArgument();

    private static final byte[] TRUE = {'T', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'F', 'a', 'l', 's', 'e'};

    private BooleanArgument() {}

    /**
     * The wire text of {@code value}: a fresh array, since boxes take ownership of their values.
     *
     * @param value the value
     * @return {@code True} or {@code False} as bytes
     */
    public static byte[] encode(boolean value) {
        return (value ? TRUE : FALSE).clone();
    }

    /**
     * Reads a boolean.
     *
     * @param wire the bytes received
     * @return the boolean
     * @throws BadArgumentException unless {@code wire} is exactly {@code True} or {@code False}
     */
    public static boolean decode(byte[] wire) {
        if (Arrays.equals(wire, TRUE)) {
            return true;
        }
        if (Arrays.equals(wire, FALSE)) {
            return false;
        }
        throw new BadArgumentException("not an AMP Boolean (True or False): " + Bytes.repr(wire, 64));
    }

    @Override
    public byte[] toWire(Boolean value, ArgumentContext context) {
        return encode(value);
    }

    @Override
    public Boolean fromWire(byte[] wire, ArgumentContext context) {
        return decode(wire);
    }
}
