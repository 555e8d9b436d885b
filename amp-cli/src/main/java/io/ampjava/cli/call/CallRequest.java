package io.ampjava.cli.call;

import io.ampjava.types.ArgumentContext;
import io.ampjava.types.Descriptor;
import io.ampjava.types.LargeValue;
import io.ampjava.wire.Box;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The arguments of one {@code amp call}, read and checked ({@link TextRequest}, {@link TypedRequest}),
 * ready to be put in a box once per call: wire bytes, large values, and descriptors to pass.
 */
final class CallRequest implements AutoCloseable {
    private final Map<String, Object> values = new LinkedHashMap<>(); // wire bytes, a Large, or a Descriptor

    /** The bytes of a large value ({@code @Argument(large = true)}), split across keys when put in a box. */
    record Large(byte[] bytes) {}

    /**
     * Puts the wire bytes, a {@link Large} value, or the {@link Descriptor} (which this request owns
     * from now on), of {@code key}.
     */
    void put(String key, Object value) {
        if (!(value instanceof byte[]) && !(value instanceof Large) && !(value instanceof Descriptor)) {
            throw new IllegalArgumentException("not bytes, a large value or a descriptor: " + value);
        }
        if (values.put(key, value) instanceof Descriptor replaced) {
            replaced.close(); // a key given twice: the last one counts, and the first is this request's to close
        }
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /**
     * A new box of the arguments (without {@code _command} and {@code _ask}); descriptors are sent
     * through {@code context}, which numbers them for this call.
     */
    Box box(ArgumentContext context) {
        Box box = new Box(values.size() + 2);
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            Object value = entry.getValue();
            if (value instanceof Large large) {
                LargeValue.put(box, entry.getKey().getBytes(StandardCharsets.UTF_8), large.bytes(), context);
                continue;
            }
            byte[] bytes = value instanceof Descriptor
                    ? Integer.toString(context.sendDescriptor((Descriptor) value)).getBytes(StandardCharsets.US_ASCII)
                    : (byte[]) value;
            box.put(entry.getKey(), bytes);
        }
        return box;
    }

    /** Closes the descriptors this request opened. */
    @Override
    public void close() {
        for (Object value : values.values()) {
            if (value instanceof Descriptor) {
                ((Descriptor) value).close();
            }
        }
    }
}
