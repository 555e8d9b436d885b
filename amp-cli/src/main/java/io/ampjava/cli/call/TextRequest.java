package io.ampjava.cli.call;

import io.ampjava.cli.CliException;
import io.ampjava.wire.AmpKeys;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An untyped call, as AMP is on the wire: every value is bytes (text as UTF-8, or a file's bytes),
 * or the ordinal of a descriptor passed with the box.
 */
final class TextRequest {
    private TextRequest() {}

    /**
     * Reads the files and opens the descriptors that {@code arguments} name.
     *
     * @throws CliException on a missing file, a value over 65535 bytes
     */
    static CallRequest of(List<KeyValue> arguments, InputStream stdin) throws CliException {
        CallRequest request = new CallRequest();
        try {
            for (KeyValue argument : arguments) {
                switch (argument.source()) {
                    case TEXT:
                        request.put(argument.key(), checked(argument, argument.text().getBytes(StandardCharsets.UTF_8)));
                        break;
                    case FILE:
                        request.put(argument.key(), checked(argument, ValueSources.read(argument.key(), argument.text(),
                                stdin)));
                        break;
                    default:
                        request.put(argument.key(), ValueSources.open(argument));
                }
            }
        } catch (CliException | RuntimeException e) {
            request.close();
            throw e;
        }
        return request;
    }

    private static byte[] checked(KeyValue argument, byte[] value) throws CliException {
        if (value.length > AmpKeys.MAX_VALUE_LENGTH) {
            throw CliException.usage("the value of " + argument.key() + " is " + value.length
                    + " bytes: an AMP value is at most 65535 bytes");
        }
        return value;
    }
}
