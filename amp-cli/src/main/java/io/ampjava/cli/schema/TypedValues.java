package io.ampjava.cli.schema;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonWriter;
import io.ampjava.cli.CliException;
import io.ampjava.cli.print.BoxJson;
import io.ampjava.cli.print.DescriptorTarget;
import io.ampjava.schema.AmpType;
import io.ampjava.schema.FieldSchema;
import io.ampjava.types.AmpDecimal;
import io.ampjava.types.AmpDecimalArgument;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.BadArgumentException;
import io.ampjava.types.BigIntegerArgument;
import io.ampjava.types.BooleanArgument;
import io.ampjava.types.BytesArgument;
import io.ampjava.types.DateTimeArgument;
import io.ampjava.types.Descriptor;
import io.ampjava.types.FloatArgument;
import io.ampjava.types.LargeValue;
import io.ampjava.types.ListOfArgument;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxDecoder;
import io.ampjava.wire.BoxEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Values of a known AMP type: written on the command line as text (or JSON, for {@code ListOf} and
 * {@code AmpList}), checked and put on the wire as the runtime's argument types put them; and read
 * back from an answer as the same types read them, into their JSON form.
 *
 * <p>Parsing a value is done by the runtime's own decoder of its type wherever the text form is the
 * wire form, so a value is accepted exactly when a peer would accept it.
 */
public final class TypedValues {
    private static final ListOfArgument<byte[]> FRAMES = new ListOfArgument<>(BytesArgument.INSTANCE);

    private TypedValues() {}

    // ---------------------------------------------------------------------------------------------
    // Text and JSON to the wire

    /**
     * The wire bytes of {@code text}, a value of {@code type} as written on the command line.
     *
     * @param where what the value is, for messages: {@code a (Integer)}
     * @throws CliException ({@code USAGE}) saying what is wrong with the value
     */
    public static byte[] encode(AmpType type, String text, String where) throws CliException {
        switch (type.kind()) {
            case LIST_OF:
            case AMP_LIST:
                return encode(type, json(text, where), where);
            default:
                return encodeSimple(type, text, where);
        }
    }

    private static JsonElement json(String text, String where) throws CliException {
        try {
            return com.google.gson.JsonParser.parseString(text);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw CliException.usage(where + ": not JSON: " + firstLine(cause.getMessage())
                    + " (a list is written as JSON: [1, 2], [{\"key\": \"value\"}])");
        }
    }

    private static byte[] encodeSimple(AmpType type, String text, String where) throws CliException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            switch (type.kind()) {
                case INTEGER:
                    return BigIntegerArgument.INSTANCE.toWire(new BigInteger(text.strip()), ArgumentContext.NONE);
                case FLOAT:
                    return FloatArgument.encode(FloatArgument.decode(bytes));
                case DECIMAL:
                    return AmpDecimalArgument.INSTANCE.toWire(
                            AmpDecimalArgument.INSTANCE.fromWire(bytes, ArgumentContext.NONE), ArgumentContext.NONE);
                case BOOLEAN:
                    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                        return BooleanArgument.encode(text.equalsIgnoreCase("true"));
                    }
                    throw new BadArgumentException("not True or False");
                case DATE_TIME:
                    return dateTime(text, bytes);
                case DESCRIPTOR:
                    throw CliException.usage(where + ": a descriptor is passed as " + where.split(" ")[0]
                            + "=fd:PATH (or fdw:PATH)");
                default: // STRING, UNICODE, PATH, and a custom type, which only its own class can check
                    return bytes;
            }
        } catch (NumberFormatException | BadArgumentException e) {
            throw CliException.usage(where + ": '" + text + "' is not " + article(type) + ": " + reason(e, type));
        }
    }

    private static byte[] dateTime(String text, byte[] bytes) {
        try {
            return DateTimeArgument.encode(OffsetDateTime.parse(text.strip()));
        } catch (DateTimeParseException notIso) {
            return DateTimeArgument.encode(DateTimeArgument.decode(bytes)); // the wire form, as Twisted writes it
        }
    }

    private static String reason(RuntimeException e, AmpType type) {
        switch (type.kind()) {
            case INTEGER:
                return "write decimal digits, e.g. 42 or -7";
            case FLOAT:
                return "write e.g. 0.5, 1e+16, inf or nan";
            case DECIMAL:
                return "write e.g. 1.10, -0, NaN or Infinity";
            case BOOLEAN:
                return "write True or False";
            case DATE_TIME:
                return "write e.g. 2026-01-01T12:00:00+01:00";
            default:
                return e.getMessage();
        }
    }

    private static byte[] encode(AmpType type, JsonElement json, String where) throws CliException {
        switch (type.kind()) {
            case LIST_OF: {
                AmpType element = ((AmpType.ListOf) type).element();
                JsonArray array = array(json, where);
                List<byte[]> frames = new ArrayList<>(array.size());
                for (int i = 0; i < array.size(); i++) {
                    frames.add(encode(element, array.get(i), where + "[" + i + "]"));
                }
                return FRAMES.toWire(frames, ArgumentContext.NONE);
            }
            case AMP_LIST: {
                List<FieldSchema> fields = ((AmpType.AmpList) type).fields();
                JsonArray array = array(json, where);
                ByteArrayOutputStream boxes = new ByteArrayOutputStream();
                for (int i = 0; i < array.size(); i++) {
                    String at = where + "[" + i + "]";
                    if (!array.get(i).isJsonObject()) {
                        throw CliException.usage(at + ": not a JSON object of " + describe(fields));
                    }
                    boxes.writeBytes(BoxEncoder.encode(box(fields, array.get(i).getAsJsonObject(), at)));
                }
                return boxes.toByteArray();
            }
            case DESCRIPTOR:
                throw CliException.usage(where + ": a descriptor cannot travel inside a list");
            default:
                if (!json.isJsonPrimitive()) {
                    throw CliException.usage(where + ": not " + article(type) + ": " + json);
                }
                return encodeSimple(type, json.getAsString(), where);
        }
    }

    private static Box box(List<FieldSchema> fields, JsonObject object, String where) throws CliException {
        Box box = new Box(fields.size());
        Set<String> known = new HashSet<>();
        for (FieldSchema field : fields) {
            known.add(field.name());
            JsonElement value = object.get(field.name());
            if (value == null || value.isJsonNull()) {
                if (!field.optional()) {
                    throw CliException.usage(where + ": no " + field.name() + " (" + field.type() + ")");
                }
                continue;
            }
            box.put(field.name(), encode(field.type(), value, where + "." + field.name() + " (" + field.type() + ")"));
        }
        for (Map.Entry<String, JsonElement> member : object.entrySet()) {
            if (!known.contains(member.getKey())) {
                throw CliException.usage(where + ": no field " + member.getKey() + " in " + describe(fields));
            }
        }
        return box;
    }

    private static JsonArray array(JsonElement json, String where) throws CliException {
        if (!json.isJsonArray()) {
            throw CliException.usage(where + ": not a JSON array: " + json);
        }
        return json.getAsJsonArray();
    }

    /** {@code {x: Integer, label: Unicode (optional)}}. */
    public static String describe(List<FieldSchema> fields) {
        List<String> each = new ArrayList<>();
        fields.forEach(field -> each.add(field.toString()));
        return "{" + String.join(", ", each) + "}";
    }

    private static String article(AmpType type) {
        String name = type.kind().twistedName();
        return ("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    // ---------------------------------------------------------------------------------------------
    // The wire to JSON

    /**
     * Writes the JSON form of {@code wire}, a value of {@code type}: a number for Integer, Float and
     * Decimal (their exact text; {@code "inf"}, {@code "NaN"}... as strings), {@code true} or
     * {@code false}, a string for text, a string or {@code {"base64": ...}} for bytes, an array for
     * a list, an object per AmpList element, {@code {"descriptor": WHAT}} for a descriptor (taken
     * from {@code context} and closed).
     *
     * @throws BadArgumentException if the bytes are not a value of {@code type}
     */
    public static void write(JsonWriter json, AmpType type, byte[] wire, ArgumentContext context) throws IOException {
        switch (type.kind()) {
            case INTEGER:
                json.jsonValue(BigIntegerArgument.INSTANCE.fromWire(wire, context).toString());
                break;
            case FLOAT: {
                double value = FloatArgument.decode(wire);
                String text = new String(FloatArgument.encode(value), StandardCharsets.US_ASCII);
                if (Double.isFinite(value)) {
                    json.jsonValue(text);
                } else {
                    json.value(text);
                }
                break;
            }
            case DECIMAL: {
                AmpDecimal value = AmpDecimalArgument.INSTANCE.fromWire(wire, context);
                String text = new String(AmpDecimalArgument.INSTANCE.toWire(value, context), StandardCharsets.US_ASCII);
                if (value.isFinite()) {
                    json.jsonValue(text);
                } else {
                    json.value(text);
                }
                break;
            }
            case BOOLEAN:
                json.value(BooleanArgument.decode(wire));
                break;
            case DATE_TIME:
                DateTimeArgument.decode(wire); // checks it
                json.value(new String(wire, StandardCharsets.US_ASCII));
                break;
            case UNICODE:
            case LARGE_UNICODE:
            case PATH:
                if (!io.ampjava.cli.print.ValueText.isUtf8(wire)) {
                    throw new BadArgumentException("not UTF-8");
                }
                json.value(new String(wire, StandardCharsets.UTF_8));
                break;
            case DESCRIPTOR: {
                int ordinal = Integer.parseInt(new String(wire, StandardCharsets.US_ASCII).strip());
                try (Descriptor descriptor = context.claimDescriptor(ordinal)) {
                    json.beginObject().name("descriptor").value(DescriptorTarget.of(descriptor.fd())).endObject();
                }
                break;
            }
            case LIST_OF: {
                AmpType element = ((AmpType.ListOf) type).element();
                json.beginArray();
                for (byte[] frame : FRAMES.fromWire(wire, context)) {
                    write(json, element, frame, context);
                }
                json.endArray();
                break;
            }
            case AMP_LIST: {
                List<FieldSchema> fields = ((AmpType.AmpList) type).fields();
                json.beginArray();
                for (Box element : BoxDecoder.parse(wire)) {
                    writeFields(json, fields, element, context);
                }
                json.endArray();
                break;
            }
            default: // STRING, and a custom type, which only its own class can read
                BoxJson.value(json, wire);
        }
    }

    /**
     * Writes {@code box} as a JSON object: the {@code fields} it has, in their order, each as
     * {@link #write} does; then the keys the schema does not know, as untyped values.
     */
    public static void writeFields(JsonWriter json, List<FieldSchema> fields, Box box, ArgumentContext context)
            throws IOException {
        json.beginObject();
        Set<String> known = new HashSet<>();
        Set<String> large = new HashSet<>();
        for (FieldSchema field : fields) {
            known.add(field.name());
            boolean split = field.type().kind() == AmpType.Kind.LARGE_STRING || field.type().kind() == AmpType.Kind.LARGE_UNICODE;
            if (split) {
                large.add(field.name() + ".");
            }
            byte[] value = split ? LargeValue.get(box, field.name().getBytes(StandardCharsets.UTF_8), context)
                    : box.get(field.name());
            if (value != null) {
                json.name(field.name());
                try {
                    write(json, field.type(), value, context);
                } catch (RuntimeException e) {
                    throw new BadArgumentException(field.name() + " (" + field.type() + "): " + e.getMessage(), e);
                }
            }
        }
        for (int i = 0; i < box.size(); i++) {
            String key = BoxJson.name(box.keyAt(i));
            if (!known.contains(key) && !key.startsWith("_") && large.stream().noneMatch(key::startsWith)) {
                json.name(key);
                BoxJson.value(json, box.valueAt(i));
            }
        }
        json.endObject();
    }
}
