package io.ampjava.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A Python script run under the interpreter that has Twisted and pyOpenSSL, its standard output
 * read line by line. Without them the calling test is skipped, except under {@code CI=true}, where
 * it fails: CI must always check against real Twisted.
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
        Path python = python();
        java.net.URL resource = anchor.getResource(script);
        assertNotNull(resource, script + " is not a resource next to " + anchor.getName());
        Path file = Path.of(resource.toURI());
        List<String> command = new ArrayList<>(List.of(python.toString(), file.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        process.getOutputStream().close();
        return new TwistedProcess(process);
    }

    private static Path python() throws Exception {
        String configured = System.getenv("AMP_PYTHON");
        Path python = Path.of(configured != null && !configured.isEmpty() ? configured : "/usr/bin/python3");
        String missing = null;
        if (!Files.isExecutable(python)) {
            missing = python + " is missing";
        } else {
            Process probe = new ProcessBuilder(python.toString(), "-c", "import twisted, OpenSSL, service_identity")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            if (!probe.waitFor(30, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                missing = python + " has no Twisted with TLS (python3-twisted, python3-openssl)";
            }
        }
        if (missing != null) {
            if ("true".equals(System.getenv("CI"))) {
                fail(missing + ", and CI=true requires the Twisted interop tests");
            }
            Assumptions.abort(missing);
        }
        return python;
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
