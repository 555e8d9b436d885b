package io.ampjava.transport;

import static io.ampjava.transport.SocketCommands.COUNT;
import static io.ampjava.transport.SocketCommands.SUM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.Amp;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ConnectionLostException;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.testing.Await;
import io.ampjava.testing.TwistedPython;
import io.ampjava.transport.tcp.TcpListeningSocket;
import io.ampjava.transport.unix.UnixListeningSocket;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The peer goes away while calls are outstanding: it closes half-way through an answer box, or its
 * process is killed with SIGKILL mid-call or mid-box. Every outstanding future must fail with
 * {@link ConnectionLostException} within a second, and nothing may hang.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PeerLossTest {
    private static final int OUTSTANDING = 5;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"unix, half", "unix, silent", "tcp, half", "tcp, silent"})
    void aRawPeerThatClosesLeavesNoCallHanging(String kind, String mode) throws Exception {
        ListeningSocket listening = kind.equals("unix")
                ? UnixListeningSocket.bind(dir.resolve("raw.sock"))
                : TcpListeningSocket.bind("127.0.0.1", 0);
        try (listening) {
            AmpConnection client = kind.equals("unix")
                    ? Amp.connectUnix(dir.resolve("raw.sock"), ResponderLocator.NONE)
                    : Amp.connectTcp("127.0.0.1", listening.port(), ResponderLocator.NONE);
            Transport raw = listening.accept();
            List<CompletableFuture<Long>> calls;
            try {
                calls = callMany(client);
                awaitAsks(raw, OUTSTANDING);
                if (mode.equals("half")) {
                    raw.write(new ByteBuffer[] {ByteBuffer.wrap(HALF_AN_ANSWER)});
                }
            } finally {
                raw.close();
            }
            allFailWithinASecond(calls, client);
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource({"unix, half", "unix, silent", "tcp, half", "tcp, silent"})
    void aPeerProcessKilledWithSigkillLeavesNoCallHanging(String kind, String mode) throws Exception {
        Path python = TwistedPython.require(TwistedPython.Need.PYTHON); // the stalling peer is a Python script
        Path socketPath = dir.resolve("killed.sock");
        Process peer = new ProcessBuilder(python.toString(), script().toString(), kind,
                kind.equals("unix") ? socketPath.toString() : "-", Integer.toString(OUTSTANDING), mode)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8))) {
            String ready = out.readLine();
            assertTrue(ready != null && ready.startsWith("READY "), "peer said " + ready);
            String address = ready.substring("READY ".length());
            AmpConnection client = kind.equals("unix")
                    ? Amp.connectUnix(Path.of(address), ResponderLocator.NONE)
                    : Amp.connectTcp("127.0.0.1", Integer.parseInt(address), ResponderLocator.NONE);
            List<CompletableFuture<Long>> calls = callMany(client);
            assertEquals("STALLED", out.readLine());
            peer.destroyForcibly(); // SIGKILL: no goodbye from the peer
            allFailWithinASecond(calls, client);
            assertTrue(peer.waitFor(5, TimeUnit.SECONDS));
            assertEquals(137, peer.exitValue(), "killed by SIGKILL");
        } finally {
            peer.destroyForcibly();
        }
    }

    @Test
    void aCallAfterTheLossFailsAtOnce() throws Exception {
        try (UnixListeningSocket listening = UnixListeningSocket.bind(dir.resolve("gone.sock"))) {
            AmpConnection client = Amp.connectUnix(dir.resolve("gone.sock"), ResponderLocator.NONE);
            listening.accept().close();
            Await.result(client.closeFuture(), Duration.ofSeconds(1));
            CompletableFuture<Long> late = client.callRemote(SUM, new SocketCommands.Operands(1, 2));
            assertTrue(late.isCompletedExceptionally(), "fails at once, without waiting");
            assertInstanceOf(ConnectionLostException.class, Await.failure(late));
        }
    }

    /** An answer box cut off in the middle of a key: {@code _answer: "1"}, then "calls" and no value. */
    private static final byte[] HALF_AN_ANSWER = {
        0, 7, '_', 'a', 'n', 's', 'w', 'e', 'r', 0, 1, '1', 0, 5, 'c', 'a', 'l', 'l', 's', 0
    };

    private static List<CompletableFuture<Long>> callMany(AmpConnection client) {
        List<CompletableFuture<Long>> calls = new ArrayList<>();
        for (int i = 0; i < OUTSTANDING; i++) {
            calls.add(client.callRemote(COUNT, null));
        }
        return calls;
    }

    /** Reads from the raw peer until it has seen {@code count} requests (by their {@code _ask} keys). */
    private static void awaitAsks(Transport raw, int count) throws IOException {
        StringBuilder seen = new StringBuilder();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (seen.toString().split("_ask", -1).length - 1 < count) {
            buffer.clear();
            int n = raw.read(buffer, fd -> {});
            assertTrue(n > 0, "the client closed early");
            seen.append(new String(buffer.array(), 0, n, StandardCharsets.ISO_8859_1));
        }
    }

    private static void allFailWithinASecond(List<CompletableFuture<Long>> calls, AmpConnection client) throws Exception {
        long start = System.nanoTime();
        for (CompletableFuture<Long> call : calls) {
            long left = TimeUnit.SECONDS.toNanos(1) - (System.nanoTime() - start);
            assertInstanceOf(ConnectionLostException.class, Await.failure(call, Duration.ofNanos(Math.max(left, 0))));
        }
        Await.result(client.closeFuture(), Duration.ofSeconds(1));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1), "all failed within a second");
    }

    private static Path script() throws URISyntaxException {
        return Path.of(PeerLossTest.class.getResource("stalling_peer.py").toURI());
    }
}
