package types;

import io.ampjava.types.ArgumentContext;
import io.ampjava.types.ArgumentType;
import java.nio.charset.StandardCharsets;

/** A custom type for a primitive. */
public final class CelsiusType implements ArgumentType<Double> {
    public static final CelsiusType INSTANCE = new CelsiusType();

    @Override
    public byte[] toWire(Double value, ArgumentContext context) {
        return (value + "C").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public Double fromWire(byte[] wire, ArgumentContext context) {
        String text = new String(wire, StandardCharsets.US_ASCII);
        return Double.valueOf(text.substring(0, text.length() - 1));
    }
}
