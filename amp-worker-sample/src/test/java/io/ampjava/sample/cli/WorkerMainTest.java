package io.ampjava.sample.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The worker's direct entry point: its few arguments, and what it says without a manager. */
@Timeout(60)
class WorkerMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir Path temp;

    @Test
    void helpPrintsTheUsage() throws Exception {
        assertEquals(0, run("--help"));
        assertTrue(text(out).startsWith("usage: java -cp amp-worker.jar io.ampjava.sample.cli.WorkerMain [--force-gc] [--classpath CP]"),
                text(out));
        assertEquals("", text(err));
    }

    @Test
    void anUnknownArgumentIsAUsageError() throws Exception {
        assertEquals(2, run("--force-gc", "--jobs"));
        assertTrue(text(err).startsWith("amp-worker: unknown worker argument '--jobs'\nusage: "), text(err));
    }

    @Test
    void aClasspathOptionWithoutItsValueIsAUsageError() throws Exception {
        assertEquals(2, run("--classpath"));
        assertTrue(text(err).startsWith("amp-worker: unknown worker argument '--classpath'"), text(err));
    }

    @Test
    void aMissingClasspathEntryIsAUsageError() throws Exception {
        Path missing = temp.resolve("missing.jar");
        assertEquals(2, run("--classpath=" + missing));
        assertTrue(text(err).startsWith("amp-worker: --classpath entry " + missing + " does not exist\nusage: "), text(err));
    }

    @Test
    void withoutItsPipesItExplainsItself() throws Exception {
        String output = startWithoutPipes(List.of(), "--force-gc");
        assertTrue(output.contains("talks to its manager on fds 3 and 4, which must be pipes"), output);
    }

    // A worker without pipes still opens its JUnit session first, which is when JUnit registers its
    // flight recorder listeners, or not.
    @Test
    void withoutAFlightRecordingJunitsRecorderListenersStayUnloaded() throws Exception {
        String output = startWithoutPipes(List.of("-Xlog:class+load=info"));
        assertTrue(output.contains("org.junit.platform.launcher.core.LauncherFactory source:"), output);
        assertFalse(output.contains("org.junit.platform.launcher.jfr.FlightRecording"), output);
    }

    @Test
    void aFlightRecordingKeepsJunitsRecorderListeners() throws Exception {
        String output = startWithoutPipes(List.of("-XX:StartFlightRecording", "-Xlog:class+load=info"));
        assertTrue(output.contains("org.junit.platform.launcher.jfr.FlightRecordingExecutionListener source:"), output);
    }

    /** Runs a worker JVM as a plain child, so with only fds 0-2: it exits 2. Returns what it printed. */
    private static String startWithoutPipes(List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), WorkerMain.class.getName()));
        command.addAll(List.of(args));
        Process worker = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(worker.getInputStream().readAllBytes(), UTF_8);
        assertTrue(worker.waitFor(30, TimeUnit.SECONDS), output);
        assertEquals(2, worker.exitValue(), output);
        return output;
    }

    private int run(String... args) throws Exception {
        return WorkerMain.run(List.of(args), new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(UTF_8);
    }
}
