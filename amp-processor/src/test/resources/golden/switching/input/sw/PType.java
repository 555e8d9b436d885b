package sw;

import io.ampjava.types.ArgumentContext;
import io.ampjava.types.ArgumentType;
import java.nio.charset.StandardCharsets;

/** P on the wire: its value as UTF-8. */
public final class PType implements ArgumentType<P> {
    public static final PType INSTANCE = new PType();

    @Override
    public byte[] toWire(P value, ArgumentContext context) {
        return value.value().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public P fromWire(byte[] bytes, ArgumentContext context) {
        return new P(new String(bytes, StandardCharsets.UTF_8));
    }
}
