package io.ampjava.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ampjava.testing.TwistedPython;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code fault_peer.py} process: started in a mode, read line by line until it reports where it
 * stands, then killed with SIGKILL. Closing it kills it (if still alive) and closes every pipe
 * this JVM held to it, so the test's fd count is not disturbed.
 */
final class FaultPeerProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;

    private FaultPeerProcess(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** The interpreter; plain sockets are all the peer needs. */
    private static Path python() {
        return TwistedPython.require(TwistedPython.Need.PYTHON);
    }

    static FaultPeerProcess start(String mode, Path socket, int count) throws IOException {
        List<String> command = new ArrayList<>(List.of(python().toString(), script().toString(), mode,
                socket.toString(), Integer.toString(count)));
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        return new FaultPeerProcess(process);
    }

    /** Reads the peer's next line and checks it is {@code expected}. */
    void expect(String expected) throws IOException {
        assertEquals(expected, out.readLine(), "what the peer said");
    }

    /** SIGKILL: the peer gets no chance to say goodbye. Returns once it is dead. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            kill();
        } finally {
            out.close();
            process.getOutputStream().close();
            process.getErrorStream().close();
        }
    }

    /** Starts and reaps one trivial process, so the JDK's process reaper thread is part of a baseline. */
    static void warmUp() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(python().toString(), "-c", "pass")
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        process.waitFor(10, TimeUnit.SECONDS);
        process.getInputStream().close();
        process.getOutputStream().close();
        process.getErrorStream().close();
    }

    private static Path script() {
        try {
            return Path.of(FaultPeerProcess.class.getResource("fault_peer.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
