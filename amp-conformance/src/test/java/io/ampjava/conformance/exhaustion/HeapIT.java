package io.ampjava.conformance.exhaustion;

import static io.ampjava.testing.WireBytes.box;
import static io.ampjava.testing.WireBytes.concat;
import static io.ampjava.testing.WireBytes.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.conformance.exhaustion.ServerUnderAttack.Limits;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Peers that make the server hold memory, each within its connection's limits, until together
 * they would exhaust a 128 MiB heap: requests for 64 KiB answers that are never read, and boxes of
 * up to 16 MiB that never end. The server's memory budget (a quarter of the heap, by default)
 * stops reading the connections that hold most of it, so fresh clients are still served; those
 * that stay over it for the budget timeout are closed; and once the attackers leave, the server is
 * back to its baseline.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HeapIT {
    private static final Limits LIMITS = Limits.of(128, 4096, 4096);
    private static final String BUDGET_TIMEOUT_SECONDS = "4";
    /** Nearly as many as the 128 connections a 128 MiB heap allows by default, so fresh clients still get in. */
    private static final int ATTACKERS = 120;

    @Test
    void peersThatNeverReadTheirAnswersCannotExhaustTheHeap() throws Exception {
        ByteArrayOutputStream requests = new ByteArrayOutputStream();
        for (int i = 1; i <= 550; i++) {
            requests.writeBytes(box("_command", "Blob", "_ask", Integer.toHexString(i), "size", "65535"));
        }
        attack("blob-flood", requests.toByteArray(), ATTACKERS);
    }

    @Test
    void peersThatNeverFinishTheirBoxesCannotExhaustTheHeap() throws Exception {
        // One 16 MiB box that never ends: 255 values of 64 KiB under distinct keys, then nothing.
        ByteArrayOutputStream box = new ByteArrayOutputStream();
        byte[] value = field(new byte[65_535]);
        for (int i = 0; i < 255; i++) {
            box.writeBytes(concat(field(("k" + i).getBytes(java.nio.charset.StandardCharsets.US_ASCII)), value));
        }
        attack("unfinished-boxes", box.toByteArray(), ATTACKERS);
    }

    private static void attack(String name, byte[] bytes, int connections) throws Exception {
        try (ServerUnderAttack server = ServerUnderAttack.start(name, LIMITS, "--budget-timeout",
                BUDGET_TIMEOUT_SECONDS)) {
            Footprint baseline = Recovery.baseline(server);
            long start = System.nanoTime();
            Map<FreshClient.Outcome, Integer> outcomes = new EnumMap<>(FreshClient.Outcome.class);
            try (Attackers attackers = Attackers.connect(server.socket(), connections)) {
                assertEquals(connections, attackers.connected(), "attackers connected");
                long sent = attackers.pumpEach(bytes, Duration.ofSeconds(3));
                System.out.println(server + ": the attackers sent " + sent / 1024 + " KiB; " + server.residentKiB() / 1024
                        + " MiB resident");
                outcomes.putAll(FreshClient.visits(server.socket(), 3));
                // Those over the budget are closed once they have stayed so for the budget timeout.
                Recovery.awaitLog(server, "(budget timeout)", Duration.ofSeconds(20));
                outcomes.merge(FreshClient.visit(server.socket()), 1, Integer::sum);
                server.assertAlive();
                int closed = attackers.closedByServer();
                System.out.println(server + ": fresh clients during the attack: " + outcomes + "; " + closed
                        + " attackers closed by the server");
                assertTrue(closed > 0, "no attacker was closed for holding the budget");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = server.peakHeapAfterGcMiB();
            System.out.println(server + ": the heap after GC peaked at " + peak + " MiB of " + LIMITS.heapMiB());
            assertEquals(Map.of(FreshClient.Outcome.SERVED, 4), outcomes, "fresh clients during the attack");
            assertTrue(peak <= LIMITS.heapMiB() * 3 / 4, "the heap after GC peaked at " + peak + " MiB");
            Recovery.assertRecovered(server, baseline, Duration.ofSeconds(20));
            ServerLog.assertCalm(server.log(), "(budget timeout)", Double.MAX_VALUE);
            System.out.println(server + ": " + ServerLog.count(server.log(), "(budget timeout)")
                    + " connections closed by the budget timeout in " + Math.round(seconds) + " s");
        }
    }
}
