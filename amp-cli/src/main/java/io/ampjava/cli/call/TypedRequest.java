package io.ampjava.cli.call;

import io.ampjava.cli.CliException;
import io.ampjava.cli.schema.TypedValues;
import io.ampjava.schema.AmpType;
import io.ampjava.schema.CommandSchema;
import io.ampjava.schema.FieldSchema;
import io.ampjava.wire.AmpKeys;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A call typed by the command's schema ({@code --schema}): every key must be an argument, every
 * required argument must be given, and every value is parsed and checked as its AMP type before
 * anything is sent.
 */
final class TypedRequest {
    private TypedRequest() {}

    static CallRequest of(CommandSchema command, List<KeyValue> arguments, InputStream stdin) throws CliException {
        Map<String, FieldSchema> fields = new LinkedHashMap<>();
        command.arguments().forEach(field -> fields.put(field.name(), field));
        CallRequest request = new CallRequest();
        try {
            for (KeyValue argument : arguments) {
                FieldSchema field = fields.get(argument.key());
                if (field == null) {
                    throw CliException.usage(command.name() + " has no argument " + argument.key() + "; its arguments: "
                            + describe(command.arguments()));
                }
                request.put(field.name(), value(field, argument, stdin));
            }
            List<String> missing = new ArrayList<>();
            for (FieldSchema field : command.arguments()) {
                if (!field.optional() && !request.has(field.name())) {
                    missing.add(field.name() + " (" + field.type() + ")");
                }
            }
            if (!missing.isEmpty()) {
                throw CliException.usage(command.name() + " needs " + String.join(", ", missing));
            }
        } catch (CliException | RuntimeException e) {
            request.close();
            throw e;
        }
        return request;
    }

    private static Object value(FieldSchema field, KeyValue argument, InputStream stdin) throws CliException {
        String where = field.name() + " (" + field.type() + ")";
        if (field.type().kind() == AmpType.Kind.DESCRIPTOR) {
            if (!argument.isDescriptor()) {
                throw CliException.usage(where + ": pass a descriptor as " + field.name() + "=fd:PATH (or fdw:PATH)");
            }
            return ValueSources.open(argument);
        }
        if (argument.isDescriptor()) {
            throw CliException.usage(where + ": not a Descriptor argument, so not fd:PATH");
        }
        AmpType.Kind kind = field.type().kind();
        if (kind == AmpType.Kind.LARGE_STRING || kind == AmpType.Kind.LARGE_UNICODE) {
            // Any length: the bytes of the file, or the text as UTF-8.
            return new CallRequest.Large(argument.source() == KeyValue.Source.FILE
                    ? ValueSources.read(argument.key(), argument.text(), stdin)
                    : argument.text().getBytes(StandardCharsets.UTF_8));
        }
        byte[] wire;
        if (argument.source() == KeyValue.Source.FILE) {
            byte[] file = ValueSources.read(argument.key(), argument.text(), stdin);
            wire = field.type().kind() == AmpType.Kind.STRING ? file
                    : TypedValues.encode(field.type(), new String(file, StandardCharsets.UTF_8), where);
        } else {
            wire = TypedValues.encode(field.type(), argument.text(), where);
        }
        if (wire.length > AmpKeys.MAX_VALUE_LENGTH) {
            throw CliException.usage(where + ": " + wire.length + " bytes: an AMP value is at most 65535 bytes");
        }
        return wire;
    }

    private static String describe(List<FieldSchema> fields) {
        List<String> each = new ArrayList<>();
        fields.forEach(field -> each.add(field.toString()));
        return fields.isEmpty() ? "none" : String.join(", ", each);
    }
}
