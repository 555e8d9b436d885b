package io.ampjava.cli.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ampjava.cli.AmpCli;
import io.ampjava.cli.Cli;
import io.ampjava.cli.ExitCode;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxEncoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeSubcommandTest {
    @TempDir
    Path directory;

    private static byte[] stream(Box... boxes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Box box : boxes) {
            out.writeBytes(BoxEncoder.encode(box));
        }
        return out.toByteArray();
    }

    private static Box request(String tag, String command, String... keyValues) {
        Box box = new Box().put("_command", command);
        if (tag != null) {
            box.put("_ask", tag);
        }
        for (int i = 0; i < keyValues.length; i += 2) {
            box.put(keyValues[i], keyValues[i + 1]);
        }
        return box;
    }

    private static final byte[] EXCHANGE = stream(
            request("1", "Sum", "a", "13", "b", "81"),
            new Box().put("_answer", "1").put("total", "94"),
            request(null, "Notify", "value", "7"),
            new Box().put("_error", "2").put("_error_code", "ZERO_DIVISION").put("_error_description",
                    "division by zero"));

    @Test
    void printsEachBoxWithItsOffset() {
        Cli.Result result = Cli.run(EXCHANGE, "decode").assertStatus(ExitCode.OK);
        assertEquals(""
                + "@0 Sum ask=1\n"
                + "  a: 13\n"
                + "  b: 81\n"
                + "@40 answer 1\n"
                + "  total: 94\n"
                + "@65 Notify (no answer wanted)\n"
                + "  value: 7\n"
                + "@95 error 2 ZERO_DIVISION: division by zero\n", result.out());
        assertEquals("", result.err());
    }

    @Test
    void readsAFileAsItReadsStandardInput() throws Exception {
        Path capture = Files.write(directory.resolve("capture.amp"), EXCHANGE);
        assertEquals(Cli.run(EXCHANGE, "decode").out(), Cli.run("decode", capture.toString()).assertStatus(0).out());
        assertEquals(Cli.run(EXCHANGE, "decode").out(), Cli.run(EXCHANGE, "decode", "-").assertStatus(0).out());
    }

    @Test
    void jsonHasOneObjectPerBoxAndBase64ForBytesThatAreNotUtf8() {
        byte[] binary = {(byte) 0xff, 0, 'x'};
        Box box = new Box().put("_answer", "a").put("data", binary).put("text", "☃");
        Cli.Result result = Cli.run(stream(box, request("2", "Divide", "numerator", "1")), "decode", "--json")
                .assertStatus(ExitCode.OK);
        String[] lines = result.out().split("\n");
        assertEquals(2, lines.length, result.out());
        JsonObject answer = JsonParser.parseString(lines[0]).getAsJsonObject();
        assertEquals(0, answer.get("offset").getAsLong());
        assertEquals(BoxEncoder.encode(box).length, answer.get("length").getAsLong());
        assertEquals("answer", answer.get("kind").getAsString());
        assertEquals("a", answer.get("tag").getAsString());
        JsonObject fields = answer.getAsJsonObject("fields");
        assertEquals(Base64.getEncoder().encodeToString(binary), fields.getAsJsonObject("data").get("base64")
                .getAsString());
        assertEquals("☃", fields.get("text").getAsString());
        JsonObject request = JsonParser.parseString(lines[1]).getAsJsonObject();
        assertEquals("request", request.get("kind").getAsString());
        assertEquals("Divide", request.get("command").getAsString());
        assertEquals("1", request.getAsJsonObject("fields").get("numerator").getAsString());
    }

    @Test
    void aTruncatedStreamSaysWhereItStops() {
        byte[] whole = stream(request("1", "Sum", "a", "13"), request("2", "Sum", "a", "1234567890"));
        int second = BoxEncoder.encode(request("1", "Sum", "a", "13")).length;
        // the second box: _ask 2, _command Sum, a 1234567890 — cut four bytes into the value of a
        int cut = whole.length - 2 - 6;
        Cli.Result result = Cli.run(Arrays.copyOf(whole, cut), "decode").assertStatus(ExitCode.REFUSED);
        assertTrue(result.out().startsWith("@0 Sum ask=1\n  a: 13\n"), result.out());
        assertEquals("amp decode: the stream ends at byte offset " + cut + " inside the box that starts at " + second
                + ", inside the value of key 'a': 4 of its 10 bytes are there\n", result.err());
        assertEquals("amp decode: the stream ends at byte offset " + (second + 1) + " inside the box that starts at "
                + second + ", inside the length of the next key, after 0 complete keys\n",
                Cli.run(Arrays.copyOf(whole, second + 1), "decode").err());
        assertEquals("amp decode: the stream ends at byte offset " + (second + 7) + " inside the box that starts at "
                + second + ", inside the length of the value of key '_ask'\n",
                Cli.run(Arrays.copyOf(whole, second + 7), "decode").err());
        assertEquals("amp decode: the stream ends at byte offset " + (second + 9) + " inside the box that starts at "
                + second + ", after 1 complete key, before the next key or the end of the box (00 00)\n",
                Cli.run(Arrays.copyOf(whole, second + 9), "decode").err());
    }

    @Test
    void aStreamThatIsNotAmpSaysWhereAndWhy() {
        Cli.Result http = Cli.run("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII), "decode")
                .assertStatus(ExitCode.REFUSED);
        assertEquals("", http.out());
        assertEquals("amp decode: at byte offset 0: a key length of 18245 (bytes 47 45), over the 255 AMP allows:"
                + " this is not the start of an AMP box (a protocol switch?)\n", http.err());

        byte[] first = BoxEncoder.encode(request("1", "Sum", "a", "1"));
        byte[] broken = concat(first, new byte[] {0, 1, 'k', 0, 1, 'v', 1, 0});
        assertEquals("amp decode: at byte offset " + (first.length + 6)
                + ": a key length of 256 (bytes 01 00), over the"
                + " 255 AMP allows: the box from offset " + first.length + " is broken\n",
                Cli.run(broken, "decode").assertStatus(ExitCode.REFUSED).err());
    }

    @Test
    void tlsAfterAStartTlsRequestIsNamedAsSuch() {
        byte[] tlsRecord = {0x16, 0x03, 0x01, 0x00, (byte) 0xc8};
        Cli.Result result = Cli.run(concat(BoxEncoder.encode(request("1", "StartTLS")), tlsRecord), "decode")
                .assertStatus(ExitCode.REFUSED);
        assertEquals("@0 StartTLS ask=1\n", result.out());
        assertTrue(result.err().endsWith("the box before asked for StartTLS, so TLS may follow it\n"), result.err());
    }

    @Test
    void boxesWithoutARoleArePrintedAndFailTheRun() {
        Cli.Result result = Cli.run(stream(new Box(), new Box().put("k", "v")), "decode")
                .assertStatus(ExitCode.REFUSED);
        assertEquals("@0 an empty box (a peer drops the connection)\n"
                + "@2 a box without _command, _answer or _error (a peer drops the connection)\n"
                + "  k: v\n", result.out());
        assertEquals("amp decode: 2 boxes have no _command, _answer or _error: a peer drops the connection on such a"
                + " box\n", result.err());
    }

    @Test
    void longValuesAreCutUnlessFull() {
        String big = "x".repeat(1000);
        byte[] capture = stream(request("1", "Echo", "text", big));
        assertEquals("@0 Echo ask=1\n  text: " + "x".repeat(200) + "... (1000 bytes)\n",
                Cli.run(capture, "decode").out());
        assertEquals("@0 Echo ask=1\n  text: " + big + "\n", Cli.run(capture, "decode", "--full").out());
    }

    @Test
    void offsetsHoldAcrossReadBoundaries() {
        // Boxes of random sizes up to the largest value, so that boxes and even length prefixes
        // straddle the reader's 64 KiB chunks.
        Random random = new Random(42);
        ByteArrayOutputStream capture = new ByteArrayOutputStream();
        List<String> expected = new ArrayList<>();
        for (int i = 0; capture.size() < 600_000; i++) {
            int size = random.nextInt(4) == 0 ? random.nextInt(65_536) : random.nextInt(40);
            Box box = request(Integer.toHexString(i + 1), "Blob", "data", "y".repeat(size));
            expected.add("{\"offset\":" + capture.size() + ",\"length\":" + BoxEncoder.encode(box).length);
            capture.writeBytes(BoxEncoder.encode(box));
        }
        Cli.Result result = Cli.run(capture.toByteArray(), "decode", "--json").assertStatus(ExitCode.OK);
        String[] lines = result.out().split("\n");
        assertEquals(expected.size(), lines.length);
        for (int i = 0; i < lines.length; i++) {
            assertTrue(lines[i].startsWith(expected.get(i)), lines[i].substring(0, 60) + " vs " + expected.get(i));
        }
    }

    @Test
    void aReaderThatStopsReadingEndsTheDecodeQuietly() throws Exception {
        byte[] capture = stream(request("1", "Sum", "a", "1"), request("2", "Sum", "a", "2"));
        OutputStream closed = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AmpCli.run(new String[] {"decode"}, closed, err,
                new ByteArrayInputStream(capture));
        assertEquals(ExitCode.OK, status, "as `amp decode | head` should");
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMissingFileIsAUsageError() {
        Cli.Result result = Cli.run("decode", directory.resolve("nope.amp").toString()).assertStatus(ExitCode.USAGE);
        assertEquals("amp decode: cannot read " + directory.resolve("nope.amp") + ": no such file\n", result.err());
        assertEquals("amp decode: cannot read " + directory + ": it is a directory\n",
                Cli.run("decode", directory.toString()).assertStatus(ExitCode.USAGE).err());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
