package io.ampjava.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Python script run under the interpreter that has Twisted ({@link TwistedPython}), its standard
 * output read line by line. Without Twisted the calling test is skipped, except under
 * {@code CI=true}, where it fails ({@link Prerequisites}); a script that needs Twisted's TLS
 * support requires {@link TwistedPython.Need#TWISTED_TLS} first.
 */
public final class TwistedProcess implements AutoCloseable {
    /** How long a test waits for a line, an exit or an answer involving the script. */
    public static final long TIMEOUT_SECONDS = 20;
    private static final String END = "\u0000end";

    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private TwistedProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readLoop, "twisted stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code script}, a resource found next to {@code anchor} (the test class), with
     * {@code arguments}.
     */
    public static TwistedProcess start(Class<?> anchor, String script, String... arguments) throws Exception {
        java.net.URL resource = anchor.getResource(script);
        assertNotNull(resource, script + " is not a resource next to " + anchor.getName());
        return start(Path.of(resource.toURI()), arguments);
    }

    /** Starts the script at {@code script} with {@code arguments}. */
    public static TwistedProcess start(Path script, String... arguments) throws IOException {
        return start(script, Map.of(), arguments);
    }

    /** The same, with {@code environment} added to this process's (a {@code PYTHONPATH}, say). */
    public static TwistedProcess start(Path script, Map<String, String> environment, String... arguments)
            throws IOException {
        Path python = TwistedPython.require(TwistedPython.Need.TWISTED);
        List<String> command = new ArrayList<>(List.of(python.toString(), script.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        return new TwistedProcess(process);
    }

    private void readLoop() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException ignored) {
            // the process went away
        }
        lines.add(END);
    }

    /** The next line of output; fails when none comes in time or the process ended. */
    public String nextLine() throws InterruptedException {
        String line = lines.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(line, "Twisted said nothing within " + TIMEOUT_SECONDS + " s after " + seen);
        if (line.equals(END)) {
            lines.add(END);
            fail("Twisted ended after " + seen);
        }
        seen.add(line);
        return line;
    }

    /** Waits for the process to end and returns its exit code. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            fail("Twisted did not exit within " + TIMEOUT_SECONDS + " s after " + seen);
        }
        return process.exitValue();
    }

    /** Kills the process with SIGKILL, giving it no chance to clean up, and waits for it to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            fail("Twisted survived SIGKILL for " + TIMEOUT_SECONDS + " s");
        }
    }

    /** Stops the process (and waits a little for it to go). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
