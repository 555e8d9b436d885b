package io.ampjava.conformance.exhaustion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ampjava.Amp;
import io.ampjava.conformance.commands.DelayCommand;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The server's footprint before an attack, and the check that it came back after: descriptors and
 * threads within a few of the baseline, no connection or direct buffer of the attack left on the
 * heap, the heap after a full collection and the resident memory within a small margin.
 */
final class Recovery {
    /** Descriptors a recovered server may have beyond its baseline. */
    static final int SPARE_DESCRIPTORS = 2;
    /** Threads a recovered server may have beyond its baseline: the JVM starts compiler and GC threads as it likes. */
    static final int SPARE_THREADS = 3;
    /** Heap after GC a recovered server may hold beyond its baseline (classes loaded, JIT data), in KiB. */
    static final long SPARE_HEAP_KIB = 4 * 1024;
    /** Resident memory a recovered server may hold beyond its baseline, in KiB (the heap and the C library keep a little). */
    static final long SPARE_RESIDENT_KIB = 32 * 1024;

    private Recovery() {}

    /**
     * Serves a few clients first, so that what the server starts once (the timer of Delay, the
     * connection watch, jcmd's attach listener) is in the baseline, then measures it.
     */
    static Footprint baseline(ServerUnderAttack server) {
        for (int i = 0; i < 3; i++) {
            FreshClient.assertServed(server.socket());
        }
        try (AmpConnection client = Amp.connectUnix(server.socket(), ResponderLocator.NONE)) {
            Await.result(DelayCommand.call(client, BigInteger.ONE, BigInteger.TWO).toCompletableFuture());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.heap(); // starts the attach listener thread before the baseline counts threads
        Footprint baseline = server.footprint();
        System.out.println(server + " baseline: " + baseline);
        return baseline;
    }

    /**
     * Waits up to {@code within} for the server's descriptors and threads to come back to the
     * baseline, then asserts every part of the footprint, and that a fresh client is served.
     */
    static Footprint assertRecovered(ServerUnderAttack server, Footprint baseline, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (server.descriptors() > baseline.descriptors() + SPARE_DESCRIPTORS
                || server.threads() > baseline.threads() + SPARE_THREADS) {
            server.assertAlive();
            if (System.nanoTime() - deadline > 0) {
                fail(server + " did not come back within " + within.toSeconds() + " s: " + server.descriptors()
                        + " fds and " + server.threads() + " threads, against " + baseline + "\n"
                        + ServerUnderAttack.tail(server.log()));
            }
            sleep(50);
        }
        FreshClient.assertServed(server.socket());
        Heap heap = server.heap();
        // The collection shrinks the heap, and the JVM gives the memory back a moment later.
        long residentDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.residentKiB() > baseline.residentKiB() + SPARE_RESIDENT_KIB
                && System.nanoTime() - residentDeadline < 0) {
            sleep(100);
        }
        Footprint after = new Footprint(server.descriptors(), server.threads(), server.residentKiB(), heap);
        System.out.println(server + " after: " + after);
        String both = "\nbefore: " + baseline + "\nafter:  " + after;
        assertTrue(after.descriptors() <= baseline.descriptors() + SPARE_DESCRIPTORS, "descriptors" + both);
        assertTrue(after.threads() <= baseline.threads() + SPARE_THREADS, "threads" + both);
        assertEquals(baseline.heap().connections(), after.heap().connections(), "live AmpConnections" + both);
        assertTrue(after.heap().directBuffers() <= baseline.heap().directBuffers() + 2, "live direct buffers" + both);
        assertTrue(after.heap().liveKiB() <= baseline.heap().liveKiB() + SPARE_HEAP_KIB, "heap after GC" + both);
        assertTrue(after.residentKiB() <= baseline.residentKiB() + SPARE_RESIDENT_KIB, "resident memory" + both);
        return after;
    }

    /** Waits up to {@code within} for the server to log {@code text}. */
    static void awaitLog(ServerUnderAttack server, String text, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!server.log().contains(text)) {
            server.assertAlive();
            if (System.nanoTime() - deadline > 0) {
                fail(server + " did not log \"" + text + "\" within " + within.toSeconds() + " s:\n"
                        + ServerUnderAttack.tail(server.log()));
            }
            sleep(50);
        }
    }

    static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
