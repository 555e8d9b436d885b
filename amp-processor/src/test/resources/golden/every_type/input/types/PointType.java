package types;

import io.ampjava.types.ArgumentContext;
import io.ampjava.types.ArgumentType;
import java.nio.charset.StandardCharsets;

/** A custom type without an INSTANCE: the generated code calls its constructor once. */
public final class PointType implements ArgumentType<Point> {
    @Override
    public byte[] toWire(Point value, ArgumentContext context) {
        return (value.x() + "," + value.y()).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public Point fromWire(byte[] wire, ArgumentContext context) {
        String[] parts = new String(wire, StandardCharsets.US_ASCII).split(",", 2);
        return new Point(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }
}
