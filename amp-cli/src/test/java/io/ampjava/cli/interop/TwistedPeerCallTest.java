package io.ampjava.cli.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ampjava.cli.Cli;
import io.ampjava.cli.ExitCode;
import io.ampjava.cli.JavaPeer;
import io.ampjava.testing.DescriptorSnapshot;
import io.ampjava.testing.TwistedProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code amp call} against the Twisted conformance peer (twisted_peer.py), over a Unix socket and TCP. */
@Timeout(120)
class TwistedPeerCallTest {
    @TempDir
    static Path directory;
    private static TwistedProcess unixPeer;
    private static TwistedProcess tcpPeer;
    private static String unix;
    private static String tcp;

    @BeforeAll
    static void startPeers() throws Exception {
        unixPeer = TwistedProcess.start(TwistedPeerCallTest.class, "twisted_peer.py", "serve", "--unix",
                directory.resolve("twisted.sock").toString());
        tcpPeer = TwistedProcess.start(TwistedPeerCallTest.class, "twisted_peer.py", "serve", "--tcp", "0");
        unix = ready(unixPeer);
        tcp = ready(tcpPeer);
    }

    private static String ready(TwistedProcess peer) throws InterruptedException {
        String line = peer.nextLine();
        assertTrue(line.startsWith("READY "), line);
        return line.substring("READY ".length());
    }

    @AfterAll
    static void stopPeers() {
        if (unixPeer != null) {
            unixPeer.close();
        }
        if (tcpPeer != null) {
            tcpPeer.close();
        }
    }

    @Test
    void callsAndPrintsTheAnswer() {
        for (String address : new String[] {unix, tcp}) {
            assertEquals("total: 94\n", Cli.run("call", address, "Sum", "a=13", "b=81").assertStatus(ExitCode.OK)
                    .out());
            assertEquals("result: 0.5\n", Cli.run("call", address, "Divide", "numerator=1", "denominator=2").out());
        }
    }

    @Test
    void twistedErrorsExitOne() {
        assertEquals("amp call: error ZERO_DIVISION: division by zero\n",
                Cli.run("call", unix, "Divide", "numerator=1", "denominator=0").assertStatus(ExitCode.REFUSED).err());
        assertEquals("amp call: error UNHANDLED: Unhandled Command: b'Nope'\n",
                Cli.run("call", tcp, "Nope").assertStatus(ExitCode.REFUSED).err());
        assertEquals("amp call: error UNKNOWN: Unknown Error\n",
                Cli.run("call", tcp, "Sum", "a=x", "b=1").assertStatus(ExitCode.REFUSED).err(),
                "an argument Twisted cannot parse");
    }

    @Test
    void jsonKeepsBytesThatAreNotUtf8() {
        JsonObject answer = JsonParser.parseString(Cli.run("call", "--json", tcp, "Blob", "size=256").out())
                .getAsJsonObject();
        byte[] data = Base64.getDecoder().decode(answer.getAsJsonObject("data").get("base64").getAsString());
        assertEquals(256, data.length);
        for (int i = 0; i < data.length; i++) {
            assertEquals((byte) (i % 251), data[i], "byte " + i);
        }
        assertEquals("{\"unicode\":\"☃\"}\n", Cli.run("call", "--json", unix, "EchoTypes", "unicode=☃").out());
    }

    @Test
    void typedValuesAreReadByTwistedAsTheirTypes() {
        Cli.Result result = Cli.run("call", "--schema", JavaPeer.commandsPath(), "--json", unix, "EchoTypes",
                "integer=-12345678901234567890", "float=0.1", "decimal=-0", "boolean=True",
                "datetime=2026-06-30T23:59:59.5+05:30", "path=/tmp/x y", "unicodes=[\"a\", \"☃\"]",
                "datetimes=[\"2026-01-01T00:00:00Z\"]", "items=[{\"x\": 1}, {\"x\": 2, \"label\": \"two\"}]")
                .assertStatus(ExitCode.OK);
        assertEquals("{\"integer\":-12345678901234567890,\"boolean\":true,\"float\":0.1,\"decimal\":-0,"
                + "\"datetime\":\"2026-06-30T23:59:59.500000+05:30\",\"path\":\"/tmp/x y\","
                + "\"unicodes\":[\"a\",\"☃\"],\"datetimes\":[\"2026-01-01T00:00:00.000000-00:00\"],"
                + "\"items\":[{\"x\":1},{\"x\":2,\"label\":\"two\"}]}\n",
                result.out(), "Twisted parsed every value as its type and wrote it back");
    }

    @Test
    void timesOutOnASlowAnswer() {
        assertEquals("amp call: no answer within 0.3 s\n",
                Cli.run("call", unix, "Delay", "millis=3000", "token=1", "--timeout", "0.3")
                        .assertStatus(ExitCode.TIMEOUT)
                        .err());
    }

    @Test
    void passesDescriptorsToTwistedAndTakesTwistedsAndLeaksNone() throws Exception {
        DescriptorSnapshot before = DescriptorSnapshot.take();
        Path target = directory.resolve("from-twisted.txt");
        assertEquals("written: 7\n", Cli.run("call", unix, "WriteDescriptor", "fd=fdw:" + target, "data=twisted")
                .assertStatus(ExitCode.OK).out());
        assertEquals("twisted", Files.readString(target));
        Cli.Result opened = Cli.run("call", unix, "OpenDescriptor", "path=/etc/hostname").assertStatus(ExitCode.OK);
        assertEquals("fd: 0\n", opened.out());
        assertEquals("amp call: the answer passed 1 file descriptor (0: /etc/hostname), closed here\n", opened.err());
        before.assertNoNewDescriptors();
    }
}
