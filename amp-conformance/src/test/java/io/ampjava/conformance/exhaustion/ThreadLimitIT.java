package io.ampjava.conformance.exhaustion;

import io.ampjava.conformance.exhaustion.ServerUnderAttack.Limits;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Connections that stay silent until the server cannot start another thread: each connection's
 * reader thread fails to start ({@code OutOfMemoryError: unable to create native thread}). The
 * accept loop must survive it, close each such socket, log it once a second without a stack trace,
 * refuse fresh clients clearly meanwhile and serve them again once the attackers leave.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ThreadLimitIT {
    private static final int THREAD_LIMIT = 64;
    private static final int ATTACKERS = 100;

    @Test
    void aServerOutOfThreadsRefusesClearlyAndRecovers() throws Exception {
        try (ServerUnderAttack server = ServerUnderAttack.start("thread-limit", Limits.of(128, THREAD_LIMIT, 4096))) {
            Footprint baseline = Recovery.baseline(server);
            long start = System.nanoTime();
            Map<FreshClient.Outcome, Integer> outcomes;
            try (Attackers attackers = Attackers.connect(server.socket(), ATTACKERS)) {
                Recovery.awaitLog(server, "could not start a connection", Duration.ofSeconds(20));
                outcomes = FreshClient.visits(server.socket(), 5);
                server.assertAlive();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println(server + ": fresh clients during the attack: " + outcomes);
            Recovery.assertRecovered(server, baseline, Duration.ofSeconds(20));
            ServerLog.assertCalm(server.log(), "could not start a connection", seconds);
        }
    }
}
