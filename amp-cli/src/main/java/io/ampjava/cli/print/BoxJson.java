package io.ampjava.cli.print;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Boxes and values as JSON, for tools: a value that is UTF-8 is a string, any other value is
 * {@code {"base64": "..."}}, so that no byte is lost and the two cannot be confused.
 */
public final class BoxJson {
    private BoxJson() {}

    /** One compact JSON text, written by {@code body} (which must write exactly one value). */
    public static String line(JsonBody body) {
        StringWriter text = new StringWriter();
        try (JsonWriter json = new JsonWriter(text)) {
            json.setSerializeNulls(false);
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    /** Writes one JSON value. */
    @FunctionalInterface
    public interface JsonBody {
        void write(JsonWriter json) throws IOException;
    }

    /** {@code value} as a string when it is UTF-8, else as {@code {"base64": "..."}}. */
    public static void value(JsonWriter json, byte[] value) throws IOException {
        if (ValueText.isUtf8(value)) {
            json.value(new String(value, StandardCharsets.UTF_8));
        } else {
            json.beginObject().name("base64").value(Base64.getEncoder().encodeToString(value)).endObject();
        }
    }

    /** A key as a JSON member name: its UTF-8 text, or its escaped form if it is not UTF-8. */
    public static String name(byte[] key) {
        return ValueText.isUtf8(key) ? new String(key, StandardCharsets.UTF_8) : ValueText.escape(key);
    }

    /** {@code {key: value, ...}}. */
    public static void fields(JsonWriter json, List<byte[][]> fields) throws IOException {
        json.beginObject();
        for (byte[][] field : fields) {
            json.name(name(field[0]));
            value(json, field[1]);
        }
        json.endObject();
    }

    /**
     * The members that describe {@code view}, into an object already begun: {@code kind}, then
     * {@code command}, {@code tag}, {@code code}, {@code description} where the box has them, then
     * {@code fields}.
     */
    public static void members(JsonWriter json, BoxView view) throws IOException {
        json.name("kind").value(view.kind().label());
        optional(json, "command", view.command());
        optional(json, "tag", view.tag());
        optional(json, "code", view.errorCode());
        optional(json, "description", view.errorDescription());
        json.name("fields");
        fields(json, view.fields());
    }

    private static void optional(JsonWriter json, String name, byte[] value) throws IOException {
        if (value != null) {
            json.name(name);
            value(json, value);
        }
    }
}
