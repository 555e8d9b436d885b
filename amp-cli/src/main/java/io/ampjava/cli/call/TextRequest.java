package io.ampjava.cli.call;

import io.ampjava.cli.CliException;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.Descriptor;
import io.ampjava.wire.AmpKeys;
import io.ampjava.wire.Box;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An untyped call, as AMP is on the wire: every value is bytes (text as UTF-8, or a file's bytes),
 * or the ordinal of a descriptor passed with the box.
 */
final class TextRequest implements CallRequest {
    private final List<byte[]> keys = new ArrayList<>();
    private final List<Object> values = new ArrayList<>(); // byte[] or Descriptor

    private TextRequest() {}

    /**
     * Reads the files and opens the descriptors that {@code arguments} name.
     *
     * @throws CliException on a missing file, a value over 65535 bytes
     */
    static TextRequest of(List<KeyValue> arguments, InputStream stdin) throws CliException {
        TextRequest request = new TextRequest();
        try {
            for (KeyValue argument : arguments) {
                Object value;
                switch (argument.source()) {
                    case TEXT:
                        value = argument.text().getBytes(StandardCharsets.UTF_8);
                        break;
                    case FILE:
                        value = ValueSources.read(argument.key(), argument.text(), stdin);
                        break;
                    default:
                        value = ValueSources.open(argument);
                }
                if (value instanceof byte[] && ((byte[]) value).length > AmpKeys.MAX_VALUE_LENGTH) {
                    throw CliException.usage("the value of " + argument.key() + " is " + ((byte[]) value).length
                            + " bytes: an AMP value is at most 65535 bytes");
                }
                request.keys.add(argument.key().getBytes(StandardCharsets.UTF_8));
                request.values.add(value);
            }
        } catch (CliException | RuntimeException e) {
            request.close();
            throw e;
        }
        return request;
    }

    @Override
    public Box box(ArgumentContext context) {
        Box box = new Box(keys.size() + 2);
        for (int i = 0; i < keys.size(); i++) {
            Object value = values.get(i);
            byte[] bytes = value instanceof Descriptor
                    ? Integer.toString(context.sendDescriptor((Descriptor) value)).getBytes(StandardCharsets.US_ASCII)
                    : (byte[]) value;
            box.put(keys.get(i), bytes);
        }
        return box;
    }

    @Override
    public boolean passesDescriptors() {
        return values.stream().anyMatch(Descriptor.class::isInstance);
    }

    @Override
    public void close() {
        for (Object value : values) {
            if (value instanceof Descriptor) {
                ((Descriptor) value).close();
            }
        }
    }
}
