package io.ampjava.cli.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ampjava.cli.Cli;
import io.ampjava.cli.JavaPeer;
import io.ampjava.testing.TwistedProcess;
import io.ampjava.tls.TestCertificates;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Twisted clients through {@code amp proxy}: the Twisted conformance client runs every row of
 * the command table (descriptors both ways included, over Unix sockets) through the proxy to the
 * Java peer and to the Twisted peer, and a Twisted client starts TLS with a Twisted server through
 * it. Every row must give what it gives without the proxy.
 */
@Timeout(300)
class TwistedThroughProxyTest {
    /** The rows the Java peer fails without a proxy too (amp-conformance's KnownDifferences). */
    private static final Map<String, String> JAVA_PEER_DIFFERENCES = Map.of(
            "echo_datetime_offset_beyond_18h", "RemoteAmpError: Code<UNKNOWN>: Unknown Error",
            "echo_large_refused", "CheckFailed: description \"large value 'data' has the key b'data.1', which is not one"
                    + " of its 1 chunk keys (data.0): chunk keys of another value mixed in\"");

    @TempDir
    Path directory;

    @Test
    void twistedClientToJavaPeerOverUnixSockets() throws Exception {
        try (JavaPeer peer = JavaPeer.unix(directory.resolve("peer.sock"));
                Cli.Running proxy = Cli.start("proxy", "unix:" + directory.resolve("proxy.sock"), peer.address())) {
            assertEquals(JAVA_PEER_DIFFERENCES, failedRows("--unix", directory.resolve("proxy.sock").toString()));
            String log = proxy.stop().out();
            assertTrue(log.contains(" WriteDescriptor ask="), "a descriptor row went through");
            assertTrue(log.matches("(?s).*C->S @\\d+ WriteDescriptor ask=\\w+ \\(1 fd: [^)]+\\).*"),
                    "with its descriptor");
            assertTrue(log.matches("(?s).*S->C @\\d+ answer \\w+ \\(1 fd: [^)]+\\).*"), "and one came back");
            assertFalse(log.contains("not AMP"));
        }
    }

    @Test
    void twistedClientToJavaPeerOverTcp() throws Exception {
        try (JavaPeer peer = JavaPeer.tcp(); Cli.Running proxy = Cli.start("proxy", "tcp:0", peer.address())) {
            assertEquals(JAVA_PEER_DIFFERENCES, failedRows("--tcp", proxy.address().substring("tcp:".length())));
        }
    }

    @Test
    void twistedClientToTwistedPeerOverUnixSockets() throws Exception {
        try (TwistedProcess peer = TwistedProcess.start(getClass(), "twisted_peer.py", "serve", "--unix",
                directory.resolve("twisted.sock").toString())) {
            assertTrue(peer.nextLine().startsWith("READY "));
            try (Cli.Running proxy = Cli.start("proxy", "unix:" + directory.resolve("proxy.sock"),
                    "unix:" + directory.resolve("twisted.sock"))) {
                assertEquals(Map.of(), failedRows("--unix", directory.resolve("proxy.sock").toString()));
            }
        }
    }

    /** Runs the Twisted client's rows against {@code address}; returns the failed rows and their details. */
    private Map<String, String> failedRows(String... address) throws Exception {
        Map<String, String> failed = new TreeMap<>();
        try (TwistedProcess client = TwistedProcess.start(getClass(), "twisted_client.py", address)) {
            while (true) {
                JsonObject line = JsonParser.parseString(client.nextLine()).getAsJsonObject();
                if (line.has("summary")) {
                    JsonObject summary = line.getAsJsonObject("summary");
                    assertTrue(summary.get("passed").getAsInt() > 30, summary.toString());
                    assertEquals(failed.size(), summary.get("failed").getAsInt());
                    break;
                }
                if (!line.get("ok").getAsBoolean()) {
                    failed.put(line.get("row").getAsString(), line.get("detail").getAsString());
                }
            }
            assertEquals(failed.isEmpty() ? 0 : 1, client.awaitExit());
        }
        return failed;
    }

    @Test
    void startTlsBetweenTwistedPeersGoesThroughUnparsed() throws Exception {
        TestCertificates certificates = TestCertificates.shared();
        TestCertificates.write(directory.resolve("ca.pem"), TestCertificates.pem(certificates.ca));
        TestCertificates.write(directory.resolve("server.pem"), certificates.server.pem());
        TestCertificates.write(directory.resolve("client.pem"), certificates.client.pem());
        try (TwistedProcess server = TwistedProcess.start(getClass(), "twisted_tls_peer.py", "serve",
                directory.toString(), "server", "noverify")) {
            String ready = server.nextLine();
            assertTrue(ready.startsWith("READY "), ready);
            try (Cli.Running proxy = Cli.start("proxy", "tcp:0", "tcp:127.0.0.1:" + ready.substring(6))) {
                String port = proxy.address().substring(proxy.address().lastIndexOf(':') + 1);
                try (TwistedProcess client = TwistedProcess.start(getClass(), "twisted_tls_peer.py", "connect", port,
                        directory.toString(), "client", "upgrade")) {
                    assertEquals("CONNECTED", client.nextLine());
                    assertEquals("SUM 3", client.nextLine());
                    assertEquals("SUM 7", client.nextLine(), "a call through TLS, through the proxy");
                    assertEquals("PEER localhost", client.nextLine());
                    assertEquals(0, client.awaitExit());
                }
                String log = proxy.awaitOutput("[1] closed");
                assertTrue(log.contains("[1] C->S @0 Sum ask=1\n    a: 1\n    b: 2\n"), log);
                assertTrue(log.contains("[1] C->S @38 StartTLS ask=2\n"), log);
                assertTrue(log.contains("[1] switched protocol with StartTLS"), log);
                assertTrue(log.matches("(?s).*\\[1] C->S @\\d+ \\d+ raw bytes\n.*"), log);
                assertFalse(log.contains("not AMP"), log);
                assertFalse(log.contains("Sum ask=3"), "the call through TLS is not parsed");
            }
        }
    }
}
