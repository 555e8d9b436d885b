package io.ampjava.fuzz;

import io.ampjava.types.ArgumentContext;
import io.ampjava.types.ArgumentType;
import io.ampjava.types.BadArgumentException;
import io.ampjava.types.BoxCodec;
import io.ampjava.types.Descriptor;
import io.ampjava.wire.Box;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A codec for "any of the {@link FuzzTypes}, each optional, under its own name": the arguments and
 * the response of the fuzz server's {@code Echo}. Decoding may fail only with a
 * {@link BadArgumentException}; any other exception is recorded in {@link #unexpected} (and still
 * thrown) so the fuzz test can report it even though the connection turns it into an answer.
 *
 * <p>Encoding sends each {@link Descriptor} value and then closes it: an echoed descriptor belongs
 * to the answer.
 */
final class EchoFields implements BoxCodec<Map<String, Object>> {
    final List<Throwable> unexpected = new CopyOnWriteArrayList<>();

    @Override
    @SuppressWarnings("unchecked")
    public void write(Map<String, Object> values, Box box, ArgumentContext context) {
        try {
            for (Entry<String, Object> entry : values.entrySet()) {
                ArgumentType<Object> type = (ArgumentType<Object>) FuzzTypes.ALL.get(entry.getKey());
                box.put(entry.getKey(), type.toWire(entry.getValue(), context));
            }
        } finally {
            closeDescriptors(values); // sent or not: one field failing to encode must not strand another's
        }
    }

    @Override
    public Map<String, Object> read(Box box, ArgumentContext context) {
        Map<String, Object> values = new LinkedHashMap<>();
        try {
            for (Entry<String, ArgumentType<?>> field : FuzzTypes.ALL.entrySet()) {
                byte[] wire = box.get(field.getKey());
                if (wire != null) {
                    values.put(field.getKey(), field.getValue().fromWire(wire, context));
                }
            }
            return values;
        } catch (BadArgumentException refused) {
            closeDescriptors(values);
            throw refused;
        } catch (RuntimeException | Error broken) {
            closeDescriptors(values);
            unexpected.add(broken);
            throw broken;
        }
    }

    private static void closeDescriptors(Map<String, Object> values) {
        for (Object value : values.values()) {
            if (value instanceof Descriptor) {
                ((Descriptor) value).close();
            }
        }
    }
}
