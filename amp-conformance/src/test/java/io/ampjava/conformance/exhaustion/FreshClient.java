package io.ampjava.conformance.exhaustion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.ampjava.Amp;
import io.ampjava.conformance.commands.SumCommand;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ConnectionLostException;
import io.ampjava.dispatch.ConnectionOptions;
import io.ampjava.dispatch.ResponderLocator;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A client that arrives while the server is under attack, or after it: it connects and calls
 * {@code Sum}. It must be served, or refused with a clear close (the connection refused, or closed
 * by the server before the answer), within {@link #PROMPTLY}; waiting longer is a hang and fails
 * the test.
 */
final class FreshClient {
    /** Served or refused within this, or it counts as hanging. */
    static final Duration PROMPTLY = Duration.ofSeconds(5);

    /** What happened to one fresh client. */
    enum Outcome {
        SERVED,
        REFUSED
    }

    private FreshClient() {}

    /** One fresh client's visit; fails the test if it hangs or is answered wrongly. */
    static Outcome visit(Path socket) {
        long start = System.nanoTime();
        AmpConnection connection;
        try {
            connection = Amp.connectUnix(socket, ResponderLocator.NONE,
                    ConnectionOptions.builder().callTimeout(PROMPTLY).build());
        } catch (IOException refused) {
            return within(start, Outcome.REFUSED);
        }
        try {
            BigInteger total = SumCommand.call(connection, BigInteger.valueOf(20), BigInteger.valueOf(22))
                    .toCompletableFuture().get(PROMPTLY.toMillis() + 1000, TimeUnit.MILLISECONDS).total();
            assertEquals(BigInteger.valueOf(42), total, "what the server answered");
            return within(start, Outcome.SERVED);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConnectionLostException) {
                return within(start, Outcome.REFUSED);
            }
            if (e.getCause() instanceof TimeoutException) {
                return fail("a fresh client hung: no answer and no close within " + PROMPTLY.toSeconds() + " s");
            }
            return fail("a fresh client got neither an answer nor a clear close, but " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            return fail("a fresh client hung: no answer and no close within " + PROMPTLY.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted", e);
        } finally {
            connection.close();
        }
    }

    /** {@code count} fresh clients' visits, one after the other: how many were served, how many refused. */
    static Map<Outcome, Integer> visits(Path socket, int count) {
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        for (int i = 0; i < count; i++) {
            outcomes.merge(visit(socket), 1, Integer::sum);
        }
        return outcomes;
    }

    /** A fresh client that must be served. */
    static void assertServed(Path socket) {
        assertEquals(Outcome.SERVED, visit(socket), "a fresh client after the attack");
    }

    private static Outcome within(long start, Outcome outcome) {
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (millis > PROMPTLY.toMillis()) {
            fail("a fresh client was " + outcome.name().toLowerCase() + " only after " + millis + " ms");
        }
        return outcome;
    }
}
