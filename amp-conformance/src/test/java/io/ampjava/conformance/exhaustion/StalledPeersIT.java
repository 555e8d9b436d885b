package io.ampjava.conformance.exhaustion;

import static io.ampjava.testing.WireBytes.box;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ampjava.conformance.exhaustion.ServerUnderAttack.Limits;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Peers that hold a connection and do nothing useful with it: silent ones, ones that read none of
 * their answers, and more of them than the server has descriptors or connections for. Each kind
 * meets its limit (the idle timeout, the write-stall timeout, the spare descriptor, the connection
 * limit); fresh clients are served or promptly refused throughout; the log says why, once a second
 * at most for repeated refusals and without stack traces; and the server is back to its baseline
 * afterwards.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class StalledPeersIT {
    private static final Limits ROOMY = Limits.of(128, 4096, 4096);

    @Test
    void silentPeersAreClosedByTheIdleTimeout() throws Exception {
        try (ServerUnderAttack server = ServerUnderAttack.start("idle", ROOMY, "--idle-timeout", "2")) {
            Footprint baseline = Recovery.baseline(server);
            try (Attackers attackers = Attackers.connect(server.socket(), 100)) {
                FreshClient.assertServed(server.socket());
                Recovery.awaitLog(server, "(idle timeout)", Duration.ofSeconds(10));
                // Back to the baseline while the attackers still hold their ends.
                Recovery.assertRecovered(server, baseline, Duration.ofSeconds(10));
                assertEquals(100, attackers.closedByServer(), "attackers closed by the server");
            }
            assertEquals(100, ServerLog.count(server.log(), "while nothing was in progress (idle timeout)"),
                    ServerUnderAttack.tail(server.log()));
            ServerLog.assertCalm(server.log(), "(idle timeout)", Double.MAX_VALUE);
        }
    }

    @Test
    void peersThatReadNoneOfTheirAnswersAreClosedByTheWriteStallTimeout() throws Exception {
        ByteArrayOutputStream requests = new ByteArrayOutputStream();
        for (int i = 1; i <= 550; i++) {
            requests.writeBytes(box("_command", "Blob", "_ask", Integer.toHexString(i), "size", "65535"));
        }
        try (ServerUnderAttack server = ServerUnderAttack.start("write-stall", ROOMY, "--write-stall-timeout", "2")) {
            Footprint baseline = Recovery.baseline(server);
            try (Attackers attackers = Attackers.connect(server.socket(), 20)) {
                attackers.sendEach(requests.toByteArray());
                FreshClient.assertServed(server.socket());
                Recovery.awaitLog(server, "(write-stall timeout)", Duration.ofSeconds(10));
                // Each reader was blocked writing to its peer; the close must have woken every one.
                Recovery.assertRecovered(server, baseline, Duration.ofSeconds(10));
                assertEquals(20, attackers.closedByServer(), "attackers closed by the server");
            }
            assertEquals(20, ServerLog.count(server.log(), "(write-stall timeout)"), ServerUnderAttack.tail(server.log()));
            ServerLog.assertCalm(server.log(), "(write-stall timeout)", Double.MAX_VALUE);
        }
    }

    @Test
    void aServerOutOfDescriptorsRefusesPromptlyAndRecovers() throws Exception {
        try (ServerUnderAttack server = ServerUnderAttack.start("descriptor-limit", Limits.of(128, 4096, 64),
                "--max-connections", "1000")) {
            Footprint baseline = Recovery.baseline(server);
            long start = System.nanoTime();
            Map<FreshClient.Outcome, Integer> outcomes;
            try (Attackers attackers = Attackers.connect(server.socket(), 100)) {
                Recovery.awaitLog(server, "no file descriptor to serve it", Duration.ofSeconds(10));
                outcomes = FreshClient.visits(server.socket(), 5);
                server.assertAlive();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println(server + ": fresh clients during the attack: " + outcomes);
            assertEquals(Map.of(FreshClient.Outcome.REFUSED, 5), outcomes, "fresh clients at the descriptor limit");
            Recovery.assertRecovered(server, baseline, Duration.ofSeconds(10));
            ServerLog.assertCalm(server.log(), "no file descriptor to serve it", seconds);
        }
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAtOnce() throws Exception {
        try (ServerUnderAttack server = ServerUnderAttack.start("connection-limit", ROOMY, "--max-connections", "20")) {
            Footprint baseline = Recovery.baseline(server);
            long start = System.nanoTime();
            try (Attackers attackers = Attackers.connect(server.socket(), 50)) {
                Recovery.awaitLog(server, "20 connections are open, the limit", Duration.ofSeconds(10));
                assertEquals(FreshClient.Outcome.REFUSED, FreshClient.visit(server.socket()), "a fresh client at the limit");
                assertEquals(30, awaitClosedByServer(attackers, 30), "attackers beyond the limit, closed at once");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Recovery.assertRecovered(server, baseline, Duration.ofSeconds(10));
            ServerLog.assertCalm(server.log(), "connections are open, the limit", seconds);
        }
    }

    /** How many attackers the server has closed, once at least {@code expected} are (or after 10 s). */
    private static int awaitClosedByServer(Attackers attackers, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int closed = attackers.closedByServer();
        while (closed < expected && System.nanoTime() - deadline < 0) {
            Thread.sleep(50);
            closed = attackers.closedByServer();
        }
        return closed;
    }
}
