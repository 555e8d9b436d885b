package io.ampjava.cli.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ampjava.cli.Address;
import io.ampjava.cli.Cli;
import io.ampjava.cli.ExitCode;
import io.ampjava.cli.JavaPeer;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.RemoteAmpException;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.dispatch.StartTlsResponder;
import io.ampjava.server.AmpServer;
import io.ampjava.testing.DescriptorSnapshot;
import io.ampjava.testing.ThreadSnapshot;
import io.ampjava.tls.TestCertificates;
import io.ampjava.tls.TlsOptions;
import io.ampjava.transport.ListeningSocket;
import io.ampjava.transport.Transport;
import io.ampjava.types.Descriptor;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(90)
class ProxySubcommandTest {
    private static final Pattern BOX_LINE =
            Pattern.compile("(?m)^\\d\\d:\\d\\d:\\d\\d\\.\\d{6} \\[1] (C->S|S->C) @(\\d+) ");

    @TempDir
    Path directory;

    private String address(String kind, String name) {
        return kind.equals("unix") ? "unix:" + directory.resolve(name) : "tcp:0";
    }

    private static Transport connect(String address) throws Exception {
        return Address.parse(address, "ADDRESS").connect();
    }

    /** A stream of {@code count} random boxes: any keys, values of any bytes, some with roles. */
    private static byte[] randomBoxes(Random random, int count) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            Box box = new Box();
            switch (random.nextInt(3)) {
                case 0:
                    box.put("_command", "Cmd" + random.nextInt(5)).put("_ask", Integer.toHexString(i + 1));
                    break;
                case 1:
                    box.put("_answer", Integer.toHexString(i + 1));
                    break;
                default:
                    box.put("_error", "1").put("_error_code", "E").put("_error_description", "d");
            }
            for (int k = random.nextInt(5); k > 0; k--) {
                byte[] value = new byte[random.nextInt(8) == 0 ? random.nextInt(5000) : random.nextInt(40)];
                random.nextBytes(value);
                box.put("k" + random.nextInt(1000), value);
            }
            stream.writeBytes(BoxEncoder.encode(box));
        }
        return stream.toByteArray();
    }

    /** Writes {@code bytes} in random pieces, so that boxes straddle the proxy's reads. */
    private static CompletableFuture<Void> writeInPieces(RawEnd end, byte[] bytes, Random random) {
        return CompletableFuture.runAsync(() -> {
            try {
                int at = 0;
                while (at < bytes.length) {
                    int length = Math.min(bytes.length - at, 1 + random.nextInt(random.nextBoolean() ? 7 : 20_000));
                    end.write(Arrays.copyOfRange(bytes, at, at + length));
                    at += length;
                }
                end.transport.shutdownOutput();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @ParameterizedTest(name = "{0} clients, {1} upstream")
    @CsvSource({"unix, unix", "tcp, tcp", "unix, tcp", "tcp, unix"})
    void forwardsEveryByteUnchangedAndPrintsEveryBox(String listen, String upstream) throws Exception {
        Random random = new Random(listen.hashCode() * 31 + upstream.hashCode());
        byte[] toServer = randomBoxes(random, 400);
        byte[] toClient = randomBoxes(random, 300);
        try (ListeningSocket server = RawEnd.listen(upstream.equals("unix") ? directory.resolve("server.sock") : null);
                Cli.Running proxy = Cli.start("proxy", address(listen, "proxy.sock"), server.address());
                RawEnd client = new RawEnd(connect(proxy.address()));
                RawEnd serverEnd = new RawEnd(server.accept())) {
            CompletableFuture.allOf(writeInPieces(client, toServer, new Random(1)),
                    writeInPieces(serverEnd, toClient, new Random(2))).get(30, TimeUnit.SECONDS);
            serverEnd.ended().get(30, TimeUnit.SECONDS);
            client.ended().get(30, TimeUnit.SECONDS);
            assertArrayEquals(toServer, serverEnd.received());
            assertArrayEquals(toClient, client.received());
            String log = proxy.awaitOutput("[1] closed");
            assertEquals(400, count(log, "C->S"), "a line per box client to server");
            assertEquals(300, count(log, "S->C"), "a line per box server to client");
            assertTrue(log.contains("[1] C->S the client ended its output"), log);
            assertFalse(log.contains("not AMP"), log);
        }
    }

    private static int count(String log, String direction) {
        Matcher matcher = BOX_LINE.matcher(log);
        int count = 0;
        while (matcher.find()) {
            if (matcher.group(1).equals(direction)) {
                count++;
            }
        }
        return count;
    }

    @Test
    void bytesThatAreNotAmpAreForwardedAsTheyAre() throws Exception {
        byte[] http = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        try (ListeningSocket server = RawEnd.listen(null);
                Cli.Running proxy = Cli.start("proxy", "tcp:0", server.address());
                RawEnd client = new RawEnd(connect(proxy.address()));
                RawEnd serverEnd = new RawEnd(server.accept())) {
            client.write(http);
            client.transport.shutdownOutput();
            serverEnd.ended().get(10, TimeUnit.SECONDS);
            assertArrayEquals(http, serverEnd.received());
            String log = proxy.awaitOutput("the client ended its output");
            assertTrue(log.contains("[1] C->S not AMP from byte offset 0 (a key length of 18245, over the 255 AMP"
                    + " allows): the rest is forwarded without being parsed\n"), log);
            assertTrue(log.contains("[1] C->S @0 " + http.length + " raw bytes"), log);
        }
    }

    @Test
    void passesDescriptorsOnBetweenUnixSocketsAndClosesItsOwn() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            files.add(Files.writeString(directory.resolve("file" + i), "content " + i));
        }
        DescriptorSnapshot before = DescriptorSnapshot.take();
        byte[] box = BoxEncoder.encode(new Box().put("_command", "Take").put("_ask", "1").put("fd", "0"));
        try (ListeningSocket server = RawEnd.listen(directory.resolve("server.sock"));
                Cli.Running proxy = Cli.start("proxy", "unix:" + directory.resolve("proxy.sock"), server.address());
                RawEnd client = new RawEnd(connect(proxy.address()));
                RawEnd serverEnd = new RawEnd(server.accept())) {
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            for (Path file : files) {
                try (Descriptor descriptor = Descriptor.openForReading(file)) {
                    client.writeWithDescriptor(box, descriptor.fd());
                }
                sent.writeBytes(box);
            }
            client.transport.shutdownOutput();
            serverEnd.ended().get(10, TimeUnit.SECONDS);
            assertArrayEquals(sent.toByteArray(), serverEnd.received());
            List<Integer> received = serverEnd.descriptors();
            assertEquals(files.size(), received.size());
            for (int i = 0; i < files.size(); i++) {
                assertEquals(files.get(i), Files.readSymbolicLink(Path.of("/proc/self/fd/" + received.get(i))),
                        "descriptor " + i + " is the file sent " + i + "th");
            }
            String log = proxy.awaitOutput("the client ended its output");
            for (Path file : files) {
                assertTrue(log.contains("Take ask=1 (1 fd: " + file + ")"), log);
            }
        }
        before.assertNoNewDescriptors();
    }

    @Test
    void descriptorsThatCannotCrossAreClosedAndSaidSo() throws Exception {
        DescriptorSnapshot before = DescriptorSnapshot.take();
        byte[] box = BoxEncoder.encode(new Box().put("_command", "Take").put("_ask", "1").put("fd", "0"));
        try (ListeningSocket server = RawEnd.listen(null);
                Cli.Running proxy = Cli.start("proxy", "unix:" + directory.resolve("proxy.sock"), server.address());
                RawEnd client = new RawEnd(connect(proxy.address()));
                RawEnd serverEnd = new RawEnd(server.accept());
                Descriptor file = Descriptor.openForReading(Path.of("/etc/hostname"))) {
            client.writeWithDescriptor(box, file.fd());
            client.transport.shutdownOutput();
            serverEnd.ended().get(10, TimeUnit.SECONDS);
            assertArrayEquals(box, serverEnd.received());
            String log = proxy.awaitOutput("the client ended its output");
            assertTrue(log.contains("[1] C->S 1 descriptor not passed on: " + server.address().replace("127.0.0.1", "")
                    .substring(0, 4)), log);
            assertTrue(log.contains("cannot carry them"), log);
        }
        before.assertNoNewDescriptors();
    }

    @Test
    void aJavaClientThroughTheProxyToTheJavaPeerPassesDescriptorsBothWays() throws Exception {
        Path written = directory.resolve("written");
        try (JavaPeer peer = JavaPeer.unix(directory.resolve("peer.sock"));
                Cli.Running proxy = Cli.start("proxy", "unix:" + directory.resolve("proxy.sock"), peer.address())) {
            assertEquals("written: 5\n", Cli.run("call", proxy.address(), "WriteDescriptor", "fd=fdw:" + written,
                    "data=hello").assertStatus(ExitCode.OK).out());
            assertEquals("hello", Files.readString(written));
            Cli.Result opened = Cli.run("call", proxy.address(), "OpenDescriptor", "path=/etc/hostname")
                    .assertStatus(ExitCode.OK);
            assertEquals("amp call: the answer passed 1 file descriptor (0: /etc/hostname), closed here\n",
                    opened.err());
            String log = proxy.awaitOutput("[2] closed");
            assertTrue(log.contains("[1] C->S @0 WriteDescriptor ask=1 (1 fd: " + written
                    + ")\n    data: hello\n    fd: 0\n"),
                    log);
            assertTrue(log.contains("[2] S->C @0 answer 1 (1 fd: /etc/hostname)\n    fd: 0\n"), log);
        }
    }

    @Test
    void afterStartTlsTheBytesAreForwardedUnparsed() throws Exception {
        TestCertificates certificates = TestCertificates.shared();
        TlsOptions serverTls = TlsOptions.builder()
                .identity(certificates.server.key(), certificates.server.chain()).build();
        TlsOptions clientTls = TlsOptions.builder().trustAnchors(certificates.ca).build();
        try (JavaPeer plain = JavaPeer.tcp();
                AmpServer server = AmpServer.serve(io.ampjava.transport.tcp.TcpListeningSocket.bind("127.0.0.1", 0),
                        () -> StartTlsResponder.locator(serverTls).or(name -> name.equals("Sum")
                                ? (request, connection) -> CompletableFuture.completedFuture(new Box().put("total",
                                        Long.toString(Long.parseLong(request.getString("a"))
                                                + Long.parseLong(request.getString("b")))))
                                : null));
                Cli.Running proxy = Cli.start("proxy", "tcp:0", server.address());
                AmpConnection connection = AmpConnection.open(connect(proxy.address()), ResponderLocator.NONE)) {
            assertEquals("3", connection.callRemoteString("Sum", new Box().put("a", "1").put("b", "2"))
                    .get(10, TimeUnit.SECONDS).getString("total"));
            connection.startTls(clientTls).get(10, TimeUnit.SECONDS);
            assertEquals("7", connection.callRemoteString("Sum", new Box().put("a", "3").put("b", "4"))
                    .get(10, TimeUnit.SECONDS).getString("total"), "a call through TLS: every byte got through");
            connection.close();
            String log = proxy.awaitOutput("[1] closed");
            assertTrue(log.contains("[1] C->S @38 StartTLS ask=2\n"), log);
            assertTrue(log.contains("[1] S->C @24 answer 2\n"), log);
            assertTrue(log.contains("[1] switched protocol with StartTLS: from here on the bytes are forwarded without"
                    + " being parsed\n"), log);
            assertTrue(Pattern.compile("\\[1] C->S @69 \\d+ raw bytes\n").matcher(log).find(), log);
            assertTrue(Pattern.compile("\\[1] S->C @38 \\d+ raw bytes\n").matcher(log).find(), log);
            assertFalse(log.contains("not AMP"), log);
            assertEquals(2, count(log, "C->S") - countRaw(log, "C->S"), "only Sum and StartTLS are parsed: " + log);

            // A peer without TLS refuses, and AMP goes on in the clear, still parsed.
            try (Cli.Running plainProxy = Cli.start("proxy", "tcp:0", plain.address());
                    AmpConnection refused = AmpConnection.open(connect(plainProxy.address()), ResponderLocator.NONE)) {
                ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                        () -> refused.startTls(clientTls).get(10, TimeUnit.SECONDS));
                assertEquals("TLS_ERROR", ((RemoteAmpException) failure.getCause()).code());
                assertEquals("3", refused.callRemoteString("Sum", new Box().put("a", "1").put("b", "2"))
                        .get(10, TimeUnit.SECONDS).getString("total"));
                String plainLog = plainProxy.awaitOutput("answer 2\n");
                assertTrue(plainLog.contains("[1] C->S @31 Sum ask=2\n"), plainLog);
                assertFalse(plainLog.contains("switched"), plainLog);
            }
        }
    }

    private static int countRaw(String log, String direction) {
        Matcher matcher = Pattern.compile("(?m)^\\S+ \\[1] " + Pattern.quote(direction) + " @\\d+ \\d+ raw bytes?$")
                .matcher(log);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    @Test
    void aNamedSwitchCommandEndsParsingToo() throws Exception {
        byte[] request = BoxEncoder.encode(new Box().put("_command", "Upgrade").put("_ask", "1"));
        byte[] answer = BoxEncoder.encode(new Box().put("_answer", "1"));
        byte[] rawUp = "HELLO over the new protocol".getBytes(StandardCharsets.US_ASCII);
        byte[] rawDown = {1, 2, 3, 4, 5};
        try (ListeningSocket server = RawEnd.listen(null);
                Cli.Running proxy = Cli.start("proxy", "tcp:0", server.address(), "--switch", "Upgrade");
                RawEnd client = new RawEnd(connect(proxy.address()));
                RawEnd serverEnd = new RawEnd(server.accept())) {
            client.write(request);
            awaitReceived(serverEnd, request.length);
            serverEnd.write(concat(answer, rawDown));
            awaitReceived(client, answer.length + rawDown.length);
            client.write(rawUp);
            awaitReceived(serverEnd, request.length + rawUp.length);
            assertArrayEquals(concat(request, rawUp), serverEnd.received());
            assertArrayEquals(concat(answer, rawDown), client.received());
            client.transport.shutdownOutput();
            String log = proxy.awaitOutput("the client ended its output");
            assertTrue(log.contains("[1] S->C @" + answer.length + " 5 raw bytes\n"), log);
            assertTrue(log.contains("[1] C->S @" + request.length + " " + rawUp.length + " raw bytes\n"), log);
            assertTrue(log.contains("switched protocol with Upgrade"), log);
        }
    }

    private static void awaitReceived(RawEnd end, int bytes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (end.received().length < bytes && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertEquals(bytes, end.received().length);
    }

    @Test
    void jsonLinesDescribeBoxesAndEvents() throws Exception {
        try (JavaPeer peer = JavaPeer.unix(directory.resolve("peer.sock"));
                Cli.Running proxy = Cli.start("proxy", "--json", "unix:" + directory.resolve("proxy.sock"),
                        peer.address())) {
            JsonObject ready = JsonParser.parseString(proxy.firstLine()).getAsJsonObject();
            assertEquals("ready", ready.get("event").getAsString());
            String address = ready.get("address").getAsString();
            Cli.run("call", address, "Divide", "numerator=1", "denominator=0").assertStatus(ExitCode.REFUSED);
            String log = proxy.awaitOutput("\"event\":\"close\"");
            List<JsonObject> lines = new ArrayList<>();
            for (String line : log.split("\n")) {
                lines.add(JsonParser.parseString(line).getAsJsonObject());
            }
            JsonObject request = lines.stream().filter(l -> l.has("kind") && l.get("kind").getAsString()
                    .equals("request"))
                    .findFirst().orElseThrow();
            assertEquals("client-to-server", request.get("direction").getAsString());
            assertEquals(1, request.get("connection").getAsInt());
            assertEquals(0, request.get("offset").getAsLong());
            assertEquals("Divide", request.get("command").getAsString());
            assertEquals("1", request.get("tag").getAsString());
            assertEquals("0", request.getAsJsonObject("fields").get("denominator").getAsString());
            assertTrue(request.get("time").getAsString()
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"));
            JsonObject error = lines.stream().filter(l -> l.has("kind") && l.get("kind").getAsString().equals("error"))
                    .findFirst().orElseThrow();
            assertEquals("server-to-client", error.get("direction").getAsString());
            assertEquals("ZERO_DIVISION", error.get("code").getAsString());
            assertEquals("division by zero", error.get("description").getAsString());
            assertTrue(lines.stream().anyMatch(l -> l.has("event") && l.get("event").getAsString().equals("open")));
        }
    }

    @Test
    void anUpstreamThatIsNotThereClosesTheClient() throws Exception {
        String nowhere = "unix:" + directory.resolve("nobody.sock");
        try (Cli.Running proxy = Cli.start("proxy", "tcp:0", nowhere);
                RawEnd client = new RawEnd(connect(proxy.address()))) {
            client.ended().get(10, TimeUnit.SECONDS);
            String log = proxy.awaitOutput("closed");
            assertTrue(log.contains("[1] closing the client tcp:127.0.0.1:"), log);
            assertTrue(log.contains(": cannot connect to " + nowhere
                    + ": no such file (is the server running, and is this its socket path?)\n"), log);
            assertEquals(ExitCode.OK, proxy.stop().status());
        }
    }

    @Test
    void stoppingLeavesNoThreadAndNoDescriptor() throws Exception {
        ThreadSnapshot threads = ThreadSnapshot.take();
        DescriptorSnapshot descriptors = DescriptorSnapshot.take();
        try (ListeningSocket server = RawEnd.listen(directory.resolve("server.sock"))) {
            Cli.Running proxy = Cli.start("proxy", "unix:" + directory.resolve("proxy.sock"), server.address());
            try (RawEnd client = new RawEnd(connect(proxy.address()));
                    RawEnd serverEnd = new RawEnd(server.accept())) {
                byte[] box = BoxEncoder.encode(new Box().put("_command", "Ping").put("_ask", "1"));
                client.write(box);
                awaitReceived(serverEnd, box.length);
                // Stopped with a connection open: it is closed, its threads end.
                assertEquals(ExitCode.OK, proxy.stop().status());
                client.ended().get(10, TimeUnit.SECONDS);
                serverEnd.ended().get(10, TimeUnit.SECONDS);
            }
        }
        threads.assertNoNewThreads(Duration.ofSeconds(5));
        descriptors.assertNoNewDescriptors();
        assertFalse(Files.exists(directory.resolve("proxy.sock")), "its socket file is removed");
    }

    @Test
    void refusesTlsAddressesAndBusyOnes() throws Exception {
        assertEquals("amp proxy: tls:127.0.0.1:1: the proxy forwards TLS as it is; write tcp: instead of tls:\n",
                Cli.run("proxy", "tcp:0", "tls:127.0.0.1:1").assertStatus(ExitCode.USAGE).err());
        try (Cli.Running first = Cli.start("proxy", "tcp:0", "tcp:127.0.0.1:1")) {
            assertTrue(Cli.run("proxy", first.address(), "tcp:127.0.0.1:1").assertStatus(ExitCode.CONNECTION).err()
                    .startsWith("amp proxy: cannot listen on " + first.address()));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
