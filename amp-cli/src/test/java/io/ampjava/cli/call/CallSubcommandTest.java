package io.ampjava.cli.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ampjava.Amp;
import io.ampjava.cli.Cli;
import io.ampjava.cli.ExitCode;
import io.ampjava.cli.JavaPeer;
import io.ampjava.dispatch.Responder;
import io.ampjava.server.AmpServer;
import io.ampjava.testing.DescriptorSnapshot;
import io.ampjava.wire.Box;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code amp call} against the Java conformance peer, over a Unix socket and TCP. */
@Timeout(60)
class CallSubcommandTest {
    @TempDir
    static Path directory;
    private static JavaPeer unixPeer;
    private static JavaPeer tcpPeer;
    private static String unix;
    private static String tcp;

    @BeforeAll
    static void startPeers() throws Exception {
        unixPeer = JavaPeer.unix(directory.resolve("peer.sock"));
        tcpPeer = JavaPeer.tcp();
        unix = unixPeer.address();
        tcp = tcpPeer.address();
    }

    @AfterAll
    static void stopPeers() {
        unixPeer.close();
        tcpPeer.close();
    }

    @Test
    void printsTheAnswerAsKeyValueLines() {
        for (String address : new String[] {unix, tcp}) {
            Cli.Result result = Cli.run("call", address, "Sum", "a=13", "b=81").assertStatus(ExitCode.OK);
            assertEquals("total: 94\n", result.out());
            assertEquals("", result.err());
        }
    }

    @Test
    void jsonPrintsOneObjectWithBase64ForBytesThatAreNotUtf8() {
        Cli.Result result = Cli.run("call", "--json", unix, "Blob", "size=300").assertStatus(ExitCode.OK);
        JsonObject answer = JsonParser.parseString(result.out()).getAsJsonObject();
        byte[] data = Base64.getDecoder().decode(answer.getAsJsonObject("data").get("base64").getAsString());
        assertEquals(300, data.length);
        for (int i = 0; i < data.length; i++) {
            assertEquals((byte) (i % 251), data[i], "byte " + i);
        }
        assertEquals("{\"total\":\"3\"}\n", Cli.run("call", tcp, "Sum", "a=1", "b=2", "--json").out());
    }

    @Test
    void anErrorAnswerPrintsCodeAndDescriptionAndExitsOne() {
        Cli.Result declared = Cli.run("call", unix, "Divide", "numerator=1", "denominator=0")
                .assertStatus(ExitCode.REFUSED);
        assertEquals("", declared.out());
        assertEquals("amp call: error ZERO_DIVISION: division by zero\n", declared.err());

        Cli.Result unknown = Cli.run("call", tcp, "NoSuchCommand").assertStatus(ExitCode.REFUSED);
        assertEquals("amp call: error UNHANDLED: Unhandled Command: b'NoSuchCommand'\n", unknown.err());

        Cli.Result undeclared = Cli.run("call", unix, "Fail", "mode=undeclared").assertStatus(ExitCode.REFUSED);
        assertEquals("amp call: error UNKNOWN: Unknown Error\n", undeclared.err());

        Cli.Result json = Cli.run("call", "--json", unix, "Fail", "mode=declared").assertStatus(ExitCode.REFUSED);
        assertEquals("{\"error\":{\"code\":\"DECLARED\",\"description\":\"declared failure\"}}\n", json.out());
        assertEquals("amp call: error DECLARED: declared failure\n", json.err());
    }

    @Test
    void noAnswerInTimeExitsTwo() {
        Cli.Result result = Cli.run("call", unix, "Delay", "millis=5000", "token=1", "--timeout", "0.2")
                .assertStatus(ExitCode.TIMEOUT);
        assertEquals("amp call: no answer within 0.2 s\n", result.err());
        assertEquals("token: 7\n", Cli.run("call", unix, "Delay", "millis=10", "token=7", "--timeout", "0").out(),
                "0 waits for ever");
    }

    @Test
    void aConnectionThatCannotBeMadeOrIsLostExitsThree() throws Exception {
        Cli.Result refused = Cli.run("call", "unix:" + directory.resolve("nobody.sock"), "Sum")
                .assertStatus(ExitCode.CONNECTION);
        assertEquals("amp call: cannot connect to unix:" + directory.resolve("nobody.sock")
                + ": no such file (is the server running, and is this its socket path?)\n", refused.err());
        assertTrue(Cli.run("call", "tcp:127.0.0.1:1", "Sum").assertStatus(ExitCode.CONNECTION).err()
                .startsWith("amp call: cannot connect to tcp:127.0.0.1:1: Connection refused"));

        Responder hangUp = (request, connection) -> {
            connection.close();
            return new CompletableFuture<>();
        };
        try (AmpServer server = Amp.listenTcp("127.0.0.1", 0, () -> name -> hangUp)) {
            Cli.Result lost = Cli.run("call", "tcp:127.0.0.1:" + server.port(), "Anything")
                    .assertStatus(ExitCode.CONNECTION);
            assertTrue(lost.err().startsWith("amp call: no answer: connection tcp:127.0.0.1:" + server.port()
                    + " lost"),
                    lost.err());
        }
    }

    @Test
    void badArgumentsAreUsageErrorsSentNowhere() {
        assertEquals("amp call: 'a' is not key=value: write the argument's name, '=' and its value (key=text,"
                + " key=@FILE, key=fd:PATH)\n", Cli.run("call", unix, "Sum", "a").assertStatus(ExitCode.USAGE).err());
        assertEquals("amp call: a=@" + directory.resolve("missing") + ": no such file (write a=\\@"
                + directory.resolve("missing") + " to send the text itself)\n",
                Cli.run("call", unix, "Sum", "a=@" + directory.resolve("missing")).assertStatus(ExitCode.USAGE).err());
        assertEquals("amp call: fd: a file descriptor can only be passed over a unix: address, not " + tcp + "\n",
                Cli.run("call", tcp, "WriteDescriptor", "fd=fd:/etc/hostname").assertStatus(ExitCode.USAGE).err());
        assertEquals("amp call: ADDRESS 'localhost' is not an address: write unix:PATH, tcp:HOST:PORT or"
                + " tls:HOST:PORT\n",
                Cli.run("call", "localhost", "Sum").assertStatus(ExitCode.USAGE).err());
        assertEquals("amp call: --timeout must be a number of seconds, not 'soon'\n",
                Cli.run("call", unix, "Sum", "--timeout", "soon").assertStatus(ExitCode.USAGE).err());
        Cli.Result missing = Cli.run("call", unix).assertStatus(ExitCode.USAGE);
        assertEquals("amp call: Missing required parameter: 'COMMAND'\nTry 'amp call --help' for the options.\n",
                missing.err());
        byte[] tooBig = new byte[65_536];
        assertEquals("amp call: the value of data is 65536 bytes: an AMP value is at most 65535 bytes\n",
                Cli.run(tooBig, "call", unix, "Echo", "data=@-").assertStatus(ExitCode.USAGE).err());
    }

    @Test
    void fileValuesAreSentAsTheirBytes() throws Exception {
        Path file = Files.write(directory.resolve("numbers"), "40".getBytes(StandardCharsets.US_ASCII));
        assertEquals("total: 42\n", Cli.run("call", unix, "Sum", "a=@" + file, "b=2").assertStatus(0).out());
        assertEquals("total: 45\n", Cli.run("5".getBytes(StandardCharsets.US_ASCII), "call", unix, "Sum", "a=@-", "b=@"
                + file)
                .assertStatus(0).out());
    }

    @Test
    void descriptorsArePassedAndClosed() throws Exception {
        DescriptorSnapshot before = DescriptorSnapshot.take();
        Path target = directory.resolve("written.txt");
        Cli.Result written = Cli.run("call", unix, "WriteDescriptor", "fd=fdw:" + target, "data=through the fd")
                .assertStatus(ExitCode.OK);
        assertEquals("written: 14\n", written.out());
        assertEquals("through the fd", Files.readString(target));

        Cli.Result opened = Cli.run("call", unix, "OpenDescriptor", "path=/etc/hostname").assertStatus(ExitCode.OK);
        assertEquals("fd: 0\n", opened.out());
        assertEquals("amp call: the answer passed 1 file descriptor (0: /etc/hostname), closed here\n", opened.err());
        before.assertNoNewDescriptors();
    }

    @Test
    void noAnswerSendsWithoutAsk() throws Exception {
        LinkedBlockingQueue<Box> received = new LinkedBlockingQueue<>();
        Responder record = (request, connection) -> {
            received.add(request);
            return CompletableFuture.completedFuture(new Box());
        };
        try (AmpServer server = Amp.listenUnix(directory.resolve("recorder.sock"), () -> name -> record)) {
            Cli.Result result = Cli.run("call", server.address(), "Notify", "value=7", "--no-answer")
                    .assertStatus(ExitCode.OK);
            assertEquals("", result.out());
            Box request = received.poll(10, TimeUnit.SECONDS);
            assertEquals("Notify", request.getString("_command"));
            assertEquals("7", request.getString("value"));
            assertEquals(null, request.get("_ask"));
        }
    }

    @Test
    void repeatPrintsTheRateAndLatencies() {
        Cli.Result result = Cli.run("call", unix, "Sum", "a=1", "b=2", "--repeat", "500", "--outstanding", "8")
                .assertStatus(ExitCode.OK);
        String[] lines = result.out().split("\n");
        assertEquals(4, lines.length, result.out());
        assertTrue(lines[0].matches("command: Sum, calls: 500, outstanding: 8, seconds: \\d+\\.\\d{3}"), lines[0]);
        assertTrue(lines[1].matches("latency p50 us: \\d+\\.\\d"), lines[1]);
        assertTrue(lines[2].matches("latency p99 us: \\d+\\.\\d"), lines[2]);
        assertTrue(lines[3].matches("calls/s: \\d+\\.\\d"), lines[3]);

        JsonObject json = JsonParser.parseString(
                Cli.run("call", tcp, "Sum", "a=1", "b=2", "--repeat", "100", "--json").assertStatus(0).out())
                .getAsJsonObject();
        assertEquals(100, json.get("calls").getAsInt());
        assertEquals(1, json.get("outstanding").getAsInt());
        assertTrue(json.get("calls_per_second").getAsDouble() > 0);
        assertTrue(json.get("latency_p99_us").getAsDouble() >= json.get("latency_p50_us").getAsDouble());
    }

    @Test
    void repeatStopsAtTheFirstErrorAnswer() {
        Cli.Result result = Cli.run("call", unix, "Divide", "numerator=1", "denominator=0", "--repeat", "50")
                .assertStatus(ExitCode.REFUSED);
        assertEquals("", result.out());
        assertEquals("amp call: error ZERO_DIVISION: division by zero\n", result.err());
    }
}
