package io.ampjava.cli.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ampjava.cli.Cli;
import io.ampjava.cli.ExitCode;
import io.ampjava.testing.TwistedProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code amp decode} of bytes Twisted wrote: a client's and a server's side of a real exchange
 * (twisted_capture.py), each box compared key by key and byte by byte with what Twisted parses
 * from the same bytes.
 */
@Timeout(60)
class TwistedCaptureDecodeTest {
    @TempDir
    Path directory;

    @Test
    void decodesEachSideOfATwistedExchangeAsTwistedParsesIt() throws Exception {
        Map<String, List<Map<String, String>>> twisted = new TreeMap<>();
        try (TwistedProcess capture = TwistedProcess.start(getClass(), "twisted_capture.py", directory.toString())) {
            for (int i = 0; i < 7; i++) {
                JsonObject line = JsonParser.parseString(capture.nextLine()).getAsJsonObject();
                Map<String, String> box = new TreeMap<>();
                line.getAsJsonObject("box").entrySet().forEach(e -> box.put(e.getKey(), e.getValue().getAsString()));
                twisted.computeIfAbsent(line.get("file").getAsString(), f -> new ArrayList<>()).add(box);
            }
            assertEquals(0, capture.awaitExit());
        }
        for (Map.Entry<String, List<Map<String, String>>> side : twisted.entrySet()) {
            Cli.Result decoded = Cli.run("decode", "--json", directory.resolve(side.getKey()).toString())
                    .assertStatus(ExitCode.OK);
            List<Map<String, String>> boxes = new ArrayList<>();
            for (String line : decoded.out().split("\n")) {
                boxes.add(asWireBox(JsonParser.parseString(line).getAsJsonObject()));
            }
            assertEquals(side.getValue(), boxes, side.getKey());
        }
        assertEquals(""
                + "@0 answer 1\n"
                + "  total: 94\n"
                + "@25 error 2 ZERO_DIVISION: division by zero\n"
                + "@104 answer 4\n"
                + "  total: 1180591620717411303423\n",
                Cli.run("decode", directory.resolve("server.amp").toString()).out(),
                "the tag after a call that wants no answer is 4: Twisted counts it too");
        String client = Cli.run("decode", directory.resolve("client.amp").toString()).out();
        assertEquals(true, client.contains("@99 Store (no answer wanted)\n  data: \\xff\\x00binary\n"
                + "  items: \\x00\\x011\\x00\\x0220\\x00\\x03300\n  note: café ☃\n"), client);
    }

    /** A decoded box back to what was on the wire, as hex, special keys included. */
    private static Map<String, String> asWireBox(JsonObject decoded) {
        Map<String, String> box = new TreeMap<>();
        String kind = decoded.get("kind").getAsString();
        switch (kind) {
            case "request":
                put(box, "_command", decoded.get("command"));
                if (decoded.has("tag")) {
                    put(box, "_ask", decoded.get("tag"));
                }
                break;
            case "answer":
                put(box, "_answer", decoded.get("tag"));
                break;
            case "error":
                put(box, "_error", decoded.get("tag"));
                put(box, "_error_code", decoded.get("code"));
                put(box, "_error_description", decoded.get("description"));
                break;
            default:
                throw new AssertionError(kind);
        }
        decoded.getAsJsonObject("fields").entrySet().forEach(e -> put(box, e.getKey(), e.getValue()));
        return box;
    }

    private static void put(Map<String, String> box, String key, JsonElement value) {
        byte[] bytes = value.isJsonObject()
                ? Base64.getDecoder().decode(value.getAsJsonObject().get("base64").getAsString())
                : value.getAsString().getBytes(StandardCharsets.UTF_8);
        box.put(HexFormat.of().formatHex(key.getBytes(StandardCharsets.UTF_8)), HexFormat.of().formatHex(bytes));
    }
}
