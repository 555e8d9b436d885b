package io.ampjava.sample.packaging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code amp-worker.jar} and the class archive the build writes beside it
 * ({@code amp-worker.jsa}): the manager hands the archive to its workers, and the JVM accepts it
 * for that jar.
 */
@Timeout(60)
class ClassArchiveIT {
    private static final Path JAR = Path.of(System.getProperty("amp.worker.jar"));
    private static final Path ARCHIVE = Path.of(System.getProperty("amp.worker.archive"));
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir Path temp;

    @Test
    void theManagerStartsItsWorkersWithTheArchive() throws Exception {
        Run run = run(List.of(JAVA, "-jar", JAR.toString(), "run", "--jobs", "1",
                "--temp-directory", temp.toString(), "io.ampjava.sample.demo.DemoTest#passes"));
        assertEquals(0, run.exitCode, run.output);
        String firstLine = run.output.lines().findFirst().orElseThrow();
        assertTrue(firstLine.contains(" -XX:SharedArchiveFile=" + ARCHIVE + " -cp " + JAR + " "), firstLine);
        // The JVM says on the worker's standard output (or error) when it cannot use an archive.
        String workerOutput = Files.readString(temp.resolve("0").resolve("out.log"))
                + Files.readString(temp.resolve("0").resolve("err.log"));
        assertFalse(workerOutput.contains("archive"), workerOutput);
    }

    @Test
    void aWorkerJvmLoadsItsClassesFromTheArchive() throws Exception {
        // Started without a manager's pipes, the worker gets as far as opening its JUnit session and
        // fds 3 and 4, then explains itself and exits 2.
        Run run = run(List.of(JAVA, "-XX:SharedArchiveFile=" + ARCHIVE, "-Xlog:class+load=info",
                "-cp", JAR.toString(), "io.ampjava.sample.cli.WorkerMain"));
        assertEquals(2, run.exitCode, run.output);
        assertTrue(run.output.contains("talks to its manager on fds 3 and 4"), run.output);
        // Loaded from the jar, these would say "source: file:...amp-worker.jar".
        for (String type : List.of("io.ampjava.sample.cli.WorkerMain", "io.ampjava.sample.junit.JUnitTestRunner",
                "org.junit.platform.launcher.core.LauncherFactory", "io.ampjava.transport.pipe.PipeTransport")) {
            assertTrue(run.output.contains(type + " source: shared objects file (top)"), type + " not archived:\n" + run.output);
        }
    }

    private record Run(int exitCode, String output) {}

    private static Run run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), output);
        return new Run(process.exitValue(), output);
    }
}
