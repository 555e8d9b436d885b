package io.ampjava.sample.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.sample.demo.LargeReportsTest;
import io.ampjava.testing.TwistedPython;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twisted 22.4's own manager code ({@code LocalWorker} + {@code LocalWorkerAMP}, the child spawned
 * with trial's {@code childFDs}) drives the Java worker. 22.4 predates streams, so this is also the
 * Java worker's fallback to the inline dialect, long reports included.
 */
@Timeout(180)
class TwistedManagerDrivesJavaWorkerTest {
    private static final String DEMO = "io.ampjava.sample.demo.DemoTest";
    private static final String LARGE = LargeReportsTest.class.getName();

    @TempDir
    static Path temp;

    private static List<String[]> lines;
    private static Path logDirectory;

    @BeforeAll
    static void driveTheJavaWorker() throws IOException, InterruptedException {
        Path python = TwistedPython.require(TwistedPython.Need.TWISTED);
        logDirectory = temp.resolve("_trial_temp/0");
        List<String> command = new ArrayList<>(List.of(python.toString(),
                Resources.path("interop/drive_worker_with_twisted.py").toString(), logDirectory.toString(),
                DEMO + "#passes", DEMO + "#failsAssertion", DEMO + "#throwsError", DEMO + "#isSkipped",
                DEMO + "#printsOutput", "no.such.Test", LARGE + "#printsLongLine", LARGE + "#failsWithLongMessage",
                LARGE + "#throwsFromDeepStack", "--"));
        // --force-gc is the Java worker's; --disablegc is one of the flags trial hands its workers,
        // which the Java worker accepts and ignores.
        command.addAll(JavaWorkers.command("--force-gc", "--disablegc"));
        Process driver = new ProcessBuilder(command)
                .directory(temp.toFile())
                .redirectError(temp.resolve("driver.err").toFile())
                .start();
        String output = new String(driver.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(driver.waitFor(150, TimeUnit.SECONDS), "the driver did not finish");
        assertEquals(0, driver.exitValue(), () -> "driver failed: " + output + readQuietly(temp.resolve("driver.err")));
        lines = output.lines().map(line -> line.split("\t", -1)).collect(Collectors.toList());
    }

    private static String readQuietly(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            return "";
        }
    }

    /** The RESULT lines for one test: {kind, class, message}. */
    private static List<String[]> results(String test) {
        return lines.stream()
                .filter(line -> line[0].equals("RESULT") && line[1].equals(test))
                .map(line -> new String[] {line[2], line[3], line[4]})
                .collect(Collectors.toList());
    }

    private static String[] onlyResult(String test) {
        List<String[]> results = results(test);
        assertEquals(1, results.size(), () -> test + ": " + lines.stream().map(l -> String.join(" | ", l)).collect(Collectors.joining("\n")));
        return results.get(0);
    }

    @Test
    void successIsRecorded() {
        assertEquals("success", onlyResult(DEMO + "#passes")[0]);
    }

    @Test
    void assertionIsAFailureOfAPythonClassWithTheJavaTextAndFrames() {
        String[] result = onlyResult(DEMO + "#failsAssertion");
        assertEquals("failure", result[0]);
        assertEquals("builtins.AssertionError", result[1]);
        assertTrue(result[2].startsWith("org.opentest4j.AssertionFailedError: "), result[2]);
        assertTrue(result[2].contains("expected"), result[2]);
        assertTrue(result[2].endsWith("[frames=2]"), result[2]);
    }

    @Test
    void otherExceptionIsAnError() {
        String[] result = onlyResult(DEMO + "#throwsError");
        assertEquals("error", result[0]);
        assertEquals("builtins.Exception", result[1]);
        assertEquals("java.lang.IllegalStateException: demo error, on purpose [frames=1]", result[2]);
    }

    @Test
    void abortedAssumptionIsASkip() {
        String[] result = onlyResult(DEMO + "#isSkipped");
        assertEquals("skip", result[0]);
        assertTrue(result[2].contains("the assumption does not hold"), result[2]);
    }

    @Test
    void printedOutputReachesTheTestLog() throws IOException {
        assertEquals("success", onlyResult(DEMO + "#printsOutput")[0]);
        List<String> log = Files.readAllLines(logDirectory.resolve("test.log"));
        assertEquals("Log opened.", log.get(0));
        int marker = log.indexOf("--> " + DEMO + "#printsOutput <--");
        assertTrue(marker > 0, "no run marker in the test log");
        assertEquals("hello from demo", log.get(marker + 1));
    }

    @Test
    void unknownTestIsAnAttributeError() {
        String[] result = onlyResult("no.such.Test");
        assertEquals("error", result[0]);
        assertEquals("builtins.AttributeError", result[1]);
        assertTrue(result[2].startsWith("no.such.Test does not exist."), result[2]);
    }

    @Test
    void everyRunIsAnsweredAndTheWorkerExitsZeroWhenFd3Closes() {
        long answers = lines.stream().filter(line -> line[0].equals("ANSWER")).peek(line -> assertEquals("True", line[2])).count();
        assertEquals(9, answers);
        assertEquals("0", lines.get(lines.size() - 1)[1]);
        assertEquals("EXIT", lines.get(lines.size() - 1)[0]);
    }

    @Test
    void longLineArrivesWhole() throws IOException {
        assertEquals("success", onlyResult(LARGE + "#printsLongLine")[0]);
        // Split into several TestWrite lines of at most 65535 bytes; together they are the text.
        String log = String.join("", Files.readAllLines(logDirectory.resolve("test.log")));
        assertTrue(log.contains(LargeReportsTest.longText('é')), "the long line did not arrive whole");
    }

    @Test
    void longFailureTextIsCutToOneValue() {
        String[] result = onlyResult(LARGE + "#failsWithLongMessage");
        assertEquals("failure", result[0]);
        assertTrue(result[2].contains("cut to fit one AMP value"), () -> result[2].substring(result[2].length() - 200));
        assertTrue(result[2].getBytes(StandardCharsets.UTF_8).length < 70_000);
    }

    @Test
    void deepTracebackIsCutToOneValue() {
        String[] result = onlyResult(LARGE + "#throwsFromDeepStack");
        assertEquals("error", result[0]);
        int frames = Integer.parseInt(result[2].replaceAll(".*\\[frames=(\\d+)]$", "$1"));
        // 1024 frames do not fit in 65535 bytes: the innermost ones and a note do.
        assertTrue(frames > 500 && frames < 1_024, "frames: " + frames);
    }
}
