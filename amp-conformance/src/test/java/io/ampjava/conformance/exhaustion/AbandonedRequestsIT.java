package io.ampjava.conformance.exhaustion;

import static io.ampjava.testing.WireBytes.box;
import static io.ampjava.testing.WireBytes.concat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ampjava.conformance.exhaustion.ServerUnderAttack.Limits;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Connections that each ask for answers that never come ({@code Delay} of 10^15 ms) and leave. The
 * responders' stages outlive the connections (the peer's timer holds them), but must keep nothing
 * of them: once the attackers are gone no {@code AmpConnection} may be left on the heap, no direct
 * buffer beyond the baseline, and the heap and resident memory must be back near the baseline.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class AbandonedRequestsIT {
    private static final int WAVES = 10;
    private static final int CONNECTIONS_PER_WAVE = 100;
    private static final int REQUESTS_PER_CONNECTION = 4;

    @Test
    void connectionsThatLeaveAnswersPendingLeaveNothingBehind() throws Exception {
        try (ServerUnderAttack server = ServerUnderAttack.start("abandoned-requests", Limits.of(128, 4096, 4096))) {
            Footprint baseline = Recovery.baseline(server);
            byte[][] requests = new byte[REQUESTS_PER_CONNECTION][];
            for (int i = 0; i < REQUESTS_PER_CONNECTION; i++) {
                requests[i] = box("_command", "Delay", "_ask", Integer.toString(i + 1), "millis", "1000000000000000",
                        "token", Integer.toString(i));
            }
            byte[] attack = concat(requests);
            int connected = 0;
            for (int wave = 0; wave < WAVES; wave++) {
                try (Attackers attackers = Attackers.connect(server.socket(), CONNECTIONS_PER_WAVE)) {
                    attackers.sendEach(attack);
                    connected += attackers.connected();
                }
                FreshClient.assertServed(server.socket());
            }
            assertEquals(WAVES * CONNECTIONS_PER_WAVE, connected, "attackers that connected");
            Recovery.assertRecovered(server, baseline, Duration.ofSeconds(20));
        }
    }
}
