package io.ampjava.cli.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ampjava.cli.Cli;
import io.ampjava.cli.ExitCode;
import io.ampjava.cli.JavaPeer;
import io.ampjava.testing.DescriptorSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code amp call --schema}: calls typed by the conformance commands, against the Java conformance peer. */
@Timeout(60)
class TypedCallTest {
    /** The compiled conformance commands, as --schema names them: a directory or a jar. */
    static final String SCHEMA = JavaPeer.commandsPath();

    @TempDir
    static Path directory;
    private static JavaPeer peer;
    private static String unix;

    @BeforeAll
    static void startPeer() throws Exception {
        peer = JavaPeer.unix(directory.resolve("peer.sock"));
        unix = peer.address();
    }

    @AfterAll
    static void stopPeer() {
        peer.close();
    }

    private static Cli.Result typed(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "call";
        all[1] = "--schema=" + SCHEMA;
        System.arraycopy(args, 0, all, 2, args.length);
        return Cli.run(all);
    }

    @Test
    void typedValuesGoOutCheckedAndComeBackInTheirJsonForm() {
        Cli.Result result = typed("--json", unix, "EchoTypes", "integer=123456789012345678901234567890",
                "float=1e16", "decimal=1.10", "boolean=true", "datetime=2026-01-01T12:00:00Z", "unicode=☃",
                "integers=[1, -2, 3]", "decimals=[\"1.5\", \"NaN\"]",
                        "items=[{\"x\": 1, \"label\": \"a\"}, {\"x\": 2}]",
                "nested=[{\"name\": \"n\", \"children\": [{\"x\": 5}]}]").assertStatus(ExitCode.OK);
        JsonObject answer = JsonParser.parseString(result.out()).getAsJsonObject();
        assertEquals("123456789012345678901234567890", answer.get("integer").getAsBigInteger().toString());
        assertEquals(1e16, answer.get("float").getAsDouble());
        assertTrue(result.out().contains("\"float\":1e+16"), "Python's repr: " + result.out());
        assertTrue(result.out().contains("\"decimal\":1.10"), "the exact decimal: " + result.out());
        assertEquals(true, answer.get("boolean").getAsBoolean());
        assertEquals("2026-01-01T12:00:00.000000-00:00", answer.get("datetime").getAsString(),
                "UTC as Twisted writes it");
        assertEquals("☃", answer.get("unicode").getAsString());
        assertEquals("[1,-2,3]", answer.get("integers").toString());
        assertEquals("[1.5,\"NaN\"]", answer.get("decimals").toString());
        assertEquals("[{\"x\":1,\"label\":\"a\"},{\"x\":2}]", answer.get("items").toString());
        assertEquals("[{\"name\":\"n\",\"children\":[{\"x\":5}]}]", answer.get("nested").toString());
    }

    @Test
    void largeValuesTravelSplitAcrossKeysEachWay() throws Exception {
        byte[] data = new byte[200_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) ('a' + i % 26);
        }
        Path file = Files.write(directory.resolve("large"), data);
        String text = "\u2603".repeat(30_000);
        Cli.Result result = typed("--json", unix, "EchoLarge", "data=@" + file, "text=" + text).assertStatus(ExitCode.OK);
        JsonObject answer = JsonParser.parseString(result.out()).getAsJsonObject();
        assertEquals(new String(data, java.nio.charset.StandardCharsets.US_ASCII), answer.get("data").getAsString());
        assertEquals(text, answer.get("text").getAsString());
        assertEquals(3, answer.keySet().size(), "data, text and digest; no chunk keys: " + answer.keySet());
    }

    @Test
    void textOutputShowsTypedValues() throws Exception {
        Path blob = Files.write(directory.resolve("blob"), new byte[] {(byte) 0xff, 0, 'x'});
        assertEquals("string: \\xff\\x00x\nboolean: false\nintegers: [7]\n",
                typed(unix, "EchoTypes", "string=@" + blob, "boolean=False", "integers=[7]").assertStatus(0).out());
        assertEquals("result: 0.5\n", typed(unix, "Divide", "numerator=1", "denominator=2").out());
    }

    @Test
    void descriptorsAreTypedBothWays() throws Exception {
        DescriptorSnapshot before = DescriptorSnapshot.take();
        Path written = directory.resolve("written");
        assertEquals("written: 2\n", typed(unix, "WriteDescriptor", "fd=fdw:" + written, "data=hi").assertStatus(0)
                .out());
        assertEquals("hi", Files.readString(written));
        assertEquals("fd: descriptor /etc/hostname (closed here)\n",
                typed(unix, "OpenDescriptor", "path=/etc/hostname").assertStatus(0).out());
        assertEquals("{\"fd\":{\"descriptor\":\"/etc/hostname\"}}\n",
                typed("--json", unix, "OpenDescriptor", "path=/etc/hostname").assertStatus(0).out());
        before.assertNoNewDescriptors();
    }

    @Test
    void aCommandThatWantsNoAnswerIsSentWithoutAsk() {
        Cli.Result result = typed(unix, "Notify", "value=3").assertStatus(ExitCode.OK);
        assertEquals("", result.out() + result.err());
    }

    @Test
    void everyBadInputIsOneLineThatNamesIt() {
        assertEquals("amp call: a (Integer): 'x' is not an Integer: write decimal digits, e.g. 42 or -7\n",
                typed(unix, "Sum", "a=x", "b=1").assertStatus(ExitCode.USAGE).err());
        assertEquals("amp call: Sum needs b (Integer)\n", typed(unix, "Sum", "a=1").assertStatus(ExitCode.USAGE).err());
        assertEquals("amp call: Sum has no argument c; its arguments: a: Integer, b: Integer\n",
                typed(unix, "Sum", "a=1", "b=2", "c=3").assertStatus(ExitCode.USAGE).err());
        String unknown = typed(unix, "Nope").assertStatus(ExitCode.USAGE).err();
        assertTrue(unknown.startsWith("amp call: no command Nope in --schema " + SCHEMA + "; it has Blob, Callback,"),
                unknown);
        assertTrue(unknown.contains(" Sum, WriteDescriptor\n"), unknown);
        assertEquals("amp call: float (Float): 'fast' is not a Float: write e.g. 0.5, 1e+16, inf or nan\n",
                typed(unix, "EchoTypes", "float=fast").assertStatus(ExitCode.USAGE).err());
        assertEquals("amp call: integers (ListOf(Integer))[1]: 'x' is not an Integer: write decimal digits, e.g. 42"
                + " or -7\n", typed(unix, "EchoTypes", "integers=[1, \"x\"]").assertStatus(ExitCode.USAGE).err());
        assertEquals("amp call: items (AmpList(x: Integer, label: Unicode (optional)))[0]: no x (Integer)\n",
                typed(unix, "EchoTypes", "items=[{\"label\": \"a\"}]").assertStatus(ExitCode.USAGE).err());
        assertTrue(typed(unix, "EchoTypes", "items=[1").assertStatus(ExitCode.USAGE).err()
                .startsWith("amp call: items (AmpList(x: Integer, label: Unicode (optional))): not JSON: "));
        assertEquals("amp call: datetime (DateTime): 'noon' is not a DateTime: write e.g. 2026-01-01T12:00:00+01:00\n",
                typed(unix, "EchoTypes", "datetime=noon").assertStatus(ExitCode.USAGE).err());
        assertEquals("amp call: fd (Descriptor): pass a descriptor as fd=fd:PATH (or fdw:PATH)\n",
                typed(unix, "WriteDescriptor", "fd=3", "data=x").assertStatus(ExitCode.USAGE).err());
        assertEquals("amp call: --schema: no such jar or directory: " + directory.resolve("none") + "\n",
                Cli.run("call", "--schema", directory.resolve("none").toString(), unix, "Sum").err());
    }

    @Test
    void errorsAndRepeatsWorkAsUntyped() {
        assertEquals("amp call: error ZERO_DIVISION: division by zero\n",
                typed(unix, "Divide", "numerator=1", "denominator=0").assertStatus(ExitCode.REFUSED).err());
        assertTrue(typed(unix, "Sum", "a=1", "b=2", "--repeat", "50", "--outstanding", "4").assertStatus(0).out()
                .contains("calls: 50, outstanding: 4"));
    }
}
