package types;

import io.ampjava.types.ArgumentContext;
import io.ampjava.types.ArgumentType;
import java.nio.charset.StandardCharsets;

/** A custom type with an INSTANCE. */
public final class ColorType implements ArgumentType<Color> {
    public static final ColorType INSTANCE = new ColorType();

    @Override
    public byte[] toWire(Color value, ArgumentContext context) {
        return value.name().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public Color fromWire(byte[] wire, ArgumentContext context) {
        return Color.valueOf(new String(wire, StandardCharsets.US_ASCII));
    }
}
