package io.ampjava.conformance.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.conformance.interop.ConformancePeerProcess.Implementation;
import io.ampjava.conformance.interop.ConformancePeerProcess.Transport;
import io.ampjava.testing.TwistedPython;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code java -jar amp-peer.jar bench} runs against both peers with both workloads and ends with
 * {@code calls/s: <number>}. A smoke test with few calls: it checks the command works, not speed.
 */
@Timeout(120)
class BenchIT {
    private static final Pattern RATE = Pattern.compile("calls/s: [0-9]+(\\.[0-9]+)?");

    @TempDir
    static Path sockets;

    private static ConformancePeerProcess java;
    private static ConformancePeerProcess twisted;

    @BeforeAll
    static void startPeers() {
        TwistedPython.require(TwistedPython.Need.TWISTED);
        java = ConformancePeerProcess.start(Implementation.JAVA, Transport.UNIX, sockets);
        twisted = ConformancePeerProcess.start(Implementation.TWISTED, Transport.UNIX, sockets);
    }

    @AfterAll
    static void stopPeers() {
        try {
            java.assertAlive();
            twisted.assertAlive();
        } finally {
            java.close();
            twisted.close();
        }
    }

    @ParameterizedTest(name = "{0} peer, {1}")
    @CsvSource({"JAVA, Sum", "JAVA, WriteDescriptor", "TWISTED, Sum", "TWISTED, WriteDescriptor"})
    void benchEndsWithTheRate(Implementation implementation, String command) throws Exception {
        ConformancePeerProcess peer = implementation == Implementation.JAVA ? java : twisted;
        List<String> lines = bench(0, "--unix", peer.unixPath().toString(), "--calls", "300", "--outstanding", "8",
                "--command", command);
        String last = lines.get(lines.size() - 1);
        assertTrue(RATE.matcher(last).matches(), "last line: " + last);
    }

    @Test
    void badArgumentsAreAUsageError() throws Exception {
        List<String> output = bench(2, "--unix", "/nonexistent", "--calls", "0", "--outstanding", "1");
        assertTrue(String.join("\n", output).contains("--calls and --outstanding must be at least 1"), String.join("\n", output));
        output = bench(2, "--unix", "/nonexistent", "--calls", "1", "--outstanding", "1", "--command", "Nope");
        assertTrue(String.join("\n", output).contains("must be Sum or WriteDescriptor"), String.join("\n", output));
    }

    /** Runs {@code bench} with {@code arguments}, expects {@code exitCode}, returns stdout and stderr lines. */
    private static List<String> bench(int exitCode, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(InteropPaths.java(), "-jar", InteropPaths.peerJar().toString(), "bench"));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(InteropPaths.logDir(), "bench", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertEquals(exitCode, process.isAlive() ? -1 : process.exitValue(), String.join(" ", command) + ":\n" + String.join("\n", lines));
        return lines;
    }
}
