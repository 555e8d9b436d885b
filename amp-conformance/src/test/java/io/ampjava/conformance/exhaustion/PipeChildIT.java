package io.ampjava.conformance.exhaustion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ampjava.conformance.interop.InteropPaths;
import io.ampjava.dispatch.ConnectionOptions;
import io.ampjava.testing.TwistedProcess;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A child process served over inherited pipes (fds 3 and 4), driven by a real Twisted parent as
 * trial's workers and Ampoule's pool are: the parent sends more requests than the child answers at
 * once ({@code Delay}s that never finish), so the child stops reading at its limit of requests in
 * progress. Paused, it must still see its parent go, whether the parent closes the connection or
 * dies, and exit.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PipeChildIT {
    /** More than the child's limit of requests in progress. */
    private static final int DELAYS = ConnectionOptions.DEFAULT_MAX_REQUESTS_IN_PROGRESS + 4;
    /** How soon a child must be gone after its parent: a JVM takes a moment to exit. */
    private static final long EXIT_SECONDS = 5;

    @Test
    void aPausedChildExitsWhenItsParentClosesTheConnection() throws Exception {
        try (TwistedProcess parent = startParent("close")) {
            awaitPaused(parent);
            String exited = parent.nextLine();
            assertTrue(exited.startsWith("EXITED "), "the child did not exit once its parent closed the pipes: " + exited);
            double seconds = Double.parseDouble(exited.substring("EXITED ".length()));
            System.out.println("a paused child exited " + seconds + " s after its parent closed the connection");
            assertTrue(seconds <= EXIT_SECONDS, "the child took " + seconds + " s to exit");
            assertEquals(0, parent.awaitExit());
        }
    }

    @Test
    void aPausedChildExitsWhenItsParentDies() throws Exception {
        try (TwistedProcess parent = startParent("die")) {
            ProcessHandle child = awaitPaused(parent);
            long killed = System.nanoTime();
            parent.kill();
            try {
                child.onExit().get(EXIT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException stillRunning) {
                child.destroyForcibly();
                fail("the child " + child.pid() + " still ran " + EXIT_SECONDS + " s after its parent died");
            }
            System.out.printf("a paused child exited %.2f s after its parent died%n", (System.nanoTime() - killed) / 1e9);
        }
    }

    private static TwistedProcess startParent(String mode) throws Exception {
        // The parent declares its commands by importing the module the processor generated.
        return TwistedProcess.start(InteropPaths.pythonDir().resolve("pipe_parent.py"),
                Map.of("PYTHONPATH", InteropPaths.generatedPython().toString()), mode, Integer.toString(DELAYS),
                "--", InteropPaths.java(), "-Xmx64m", "-jar", InteropPaths.peerJar().toString(), "serve", "--pipes",
                "3,4");
    }

    /** Reads the parent's report up to the child's pause; returns the child. */
    private static ProcessHandle awaitPaused(TwistedProcess parent) throws InterruptedException {
        assertEquals("SERVED 42", parent.nextLine(), "the child's first answer");
        String paused = parent.nextLine();
        assertTrue(paused.startsWith("PAUSED "), "the child did not stop reading at its limit: " + paused);
        long pid = Long.parseLong(paused.substring("PAUSED ".length()));
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("the child " + pid + " is gone already"));
    }
}
