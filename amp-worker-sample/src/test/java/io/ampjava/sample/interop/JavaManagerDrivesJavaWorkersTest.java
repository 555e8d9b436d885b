package io.ampjava.sample.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.sample.junit.ClassDigests;
import io.ampjava.sample.manager.DistributedRun;
import io.ampjava.sample.manager.ResultKind;
import io.ampjava.sample.manager.RunReport;
import io.ampjava.sample.manager.RunSettings;
import io.ampjava.sample.manager.TestResult;
import io.ampjava.sample.manager.WorkerCommands;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Java manager and Java worker processes, over real pipes on fds 3 and 4. */
@Timeout(180)
class JavaManagerDrivesJavaWorkersTest {
    private static final String DEMO = "io.ampjava.sample.demo.DemoTest";
    private static final String FIXTURES = "io.ampjava.sample.junit.fixtures.";

    @TempDir
    Path temp;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private RunReport run(int jobs, List<String> tests) throws IOException, InterruptedException {
        RunSettings settings = new RunSettings(jobs, quotedWorkerCommand(), temp.resolve("run"), temp, Map.of());
        return DistributedRun.run(settings, tests, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private static String quotedWorkerCommand() {
        return JavaWorkers.command().stream().map(JavaManagerDrivesJavaWorkersTest::quote).collect(Collectors.joining(" "));
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static TestResult only(RunReport report, String name) {
        List<TestResult> matching = report.results().stream().filter(r -> r.testName().equals(name)).collect(Collectors.toList());
        assertEquals(1, matching.size(), () -> name + " in " + report.results());
        return matching.get(0);
    }

    @Test
    void twoWorkersRunEverythingAndTestsWriteIntoTheirWorkersDirectory() throws Exception {
        RunReport report = run(2, List.of(DEMO + "#passes", DEMO + "#failsAssertion", DEMO + "#throwsError",
                DEMO + "#isSkipped", DEMO + "#printsOutput", FIXTURES + "WritesRelativeFileFixture"));
        Map<ResultKind, Integer> counts = report.counts();
        assertEquals(3, counts.get(ResultKind.SUCCESS), printed());
        assertEquals(1, counts.get(ResultKind.FAILURE), printed());
        assertEquals(1, counts.get(ResultKind.ERROR), printed());
        assertEquals(1, counts.get(ResultKind.SKIP), printed());
        assertTrue(report.problems().isEmpty(), () -> report.problems() + printed());
        assertTrue(printed().contains("FAILED (successes=3, failures=1, errors=1, skips=1)"), printed());
        assertTrue(printed().contains("    at io.ampjava.sample.demo.DemoTest.failsAssertion(DemoTest.java:"), printed());

        TestResult writer = only(report, FIXTURES + "WritesRelativeFileFixture#writesRelativeFiles");
        assertEquals(ResultKind.SUCCESS, writer.kind(), writer.details());
        Path workerDirectory = temp.resolve("run").resolve(Integer.toString(writer.worker()));
        assertEquals("java.io", Files.readString(workerDirectory.resolve("written-by-io.txt")));
        assertEquals("java.nio", Files.readString(workerDirectory.resolve("written-by-nio.txt")));
        assertEquals("user.dir", Files.readString(workerDirectory.resolve("written-by-user-dir.txt")));
        assertTrue(Files.notExists(temp.resolve("written-by-io.txt")));

        assertTrue(Files.readString(temp.resolve("run/test.log")).contains("hello from demo"));
        assertTrue(Files.exists(temp.resolve("run/0/out.log")) && Files.exists(temp.resolve("run/1/err.log")));
    }

    @Test
    void aWorkerThatDiesIsReplacedAndATestThatKillsTwoIsReportedWithTheWorkersLastWords() throws Exception {
        RunReport report = run(2, List.of(FIXTURES + "KillsItsWorkerFixture", DEMO + "#passes", DEMO + "#passes",
                DEMO + "#passes", DEMO + "#passes"));
        TestResult lost = only(report, FIXTURES + "KillsItsWorkerFixture");
        assertEquals(ResultKind.ERROR, lost.kind());
        assertTrue(lost.details().contains("exited with status 3"), lost.details());
        assertTrue(lost.headline().contains("2 times: not run again"), lost.headline());
        assertEquals(4, report.counts().get(ResultKind.SUCCESS), printed());
        assertEquals(1, report.notes().size(), () -> report.notes().toString());
        assertTrue(report.problems().isEmpty(), () -> report.problems().toString());
    }

    @Test
    void everyWayToLoseAWorkerCostsOnlyItsTest() throws Exception {
        // One worker, so each loss needs a replacement for the run to go on.
        String last = "io.ampjava.sample.demo.LargeReportsTest#printsLongLine";
        RunSettings settings = realWorkers(1).withTestTimeout(Optional.of(Duration.ofSeconds(5)));
        RunReport report = DistributedRun.run(settings, List.of(DEMO + "#passes", FIXTURES + "ExitsItsWorkerFixture",
                FIXTURES + "DiesOnceFixture", FIXTURES + "HangsFixture", FIXTURES + "RunsOutOfMemoryFixture",
                FIXTURES + "KillsItselfFixture", last), new PrintStream(printed, true, StandardCharsets.UTF_8));

        TestResult exited = only(report, FIXTURES + "ExitsItsWorkerFixture");
        assertEquals(ResultKind.ERROR, exited.kind(), printed());
        assertTrue(exited.details().contains("exited with status 7"), exited.details());
        assertTrue(exited.errorOutput().contains("fixture: giving up the worker on purpose"), exited.errorOutput());

        assertEquals(ResultKind.SUCCESS, only(report, FIXTURES + "DiesOnceFixture#diesTheFirstTime").kind(), printed());
        assertTrue(report.notes().stream().anyMatch(note -> note.contains("DiesOnceFixture") && note.contains("status 9")
                && note.contains("running it again")), () -> report.notes().toString());

        TestResult hung = only(report, FIXTURES + "HangsFixture");
        assertEquals(ResultKind.ERROR, hung.kind(), printed());
        assertEquals("timed out after 5 s", hung.headline());

        // JUnit rethrows an OutOfMemoryError out of its run: an error, and the worker goes on.
        TestResult memory = only(report, FIXTURES + "RunsOutOfMemoryFixture");
        assertEquals(ResultKind.ERROR, memory.kind(), printed());
        assertTrue(memory.headline().startsWith("builtins.MemoryError: java.lang.OutOfMemoryError"), memory.headline());

        TestResult killed = only(report, FIXTURES + "KillsItselfFixture");
        assertEquals(ResultKind.ERROR, killed.kind(), printed());
        assertTrue(killed.details().contains("exited with status 137"), killed.details());

        assertEquals(ResultKind.SUCCESS, only(report, last).kind(), "the last replacement runs the rest: " + printed());
        assertEquals(ResultKind.SUCCESS, only(report, DEMO + "#passes").kind());
        assertTrue(report.problems().isEmpty(), () -> report.problems().toString());
        assertTrue(printed().contains("[NOTE] worker 0 was lost while running " + FIXTURES + "DiesOnceFixture"), printed());
    }

    @Test
    void aWorkerWithOtherTestClassesIsStoppedAndReportedAndTheOthersRunItsShare() throws Exception {
        // Worker 0 sees the manager's ExtraTest, worker 1 a different build of it.
        compile(temp.resolve("cp0"), "assertEquals(2, 1 + 1)");
        compile(temp.resolve("cp1"), "assertEquals(3, 1 + 2)");
        ClassLoader managers = new URLClassLoader(new URL[] {temp.resolve("cp0").toUri().toURL()}, getClass().getClassLoader());
        String command = WorkerCommands.javaWorker(temp.resolve("cp{index}").toString(), false, List.of());
        RunSettings settings = new RunSettings(2, command, temp.resolve("run"), temp, Map.of()).withTestClasses(managers);
        RunReport report = DistributedRun.run(settings, List.of("extra.ExtraTest#a", "extra.ExtraTest#b", "extra.ExtraTest#c",
                "extra.ExtraTest#d"), new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertEquals(4, report.counts().get(ResultKind.SUCCESS), printed());
        assertTrue(report.results().stream().allMatch(result -> result.worker() == 0), printed());
        assertEquals(1, report.problems().size(), () -> report.problems().toString());
        String problem = report.problems().get(0);
        String mine = ClassDigests.of(managers, "extra.ExtraTest").orElseThrow();
        assertTrue(problem.startsWith("worker 1 has other test classes than the manager: extra.ExtraTest has SHA-256 ")
                && problem.contains(mine + " here"), problem);
        assertTrue(!problem.contains(mine + " there"), problem);
    }

    private static void compile(Path classes, String check) throws Exception {
        Path source = Files.createDirectories(classes.resolveSibling(classes.getFileName() + "-src/extra")).resolve("ExtraTest.java");
        StringBuilder methods = new StringBuilder();
        for (String name : List.of("a", "b", "c", "d")) {
            methods.append("    @org.junit.jupiter.api.Test void ").append(name)
                    .append("() { org.junit.jupiter.api.Assertions.").append(check).append("; }\n");
        }
        Files.writeString(source, "package extra;\npublic class ExtraTest {\n" + methods + "}\n");
        Files.createDirectories(classes);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString());
        assertEquals(0, status);
    }

    @Test
    void aWorkerThatExitsOnOutOfMemoryIsReplacedAndItsLastWordsReported() throws Exception {
        String command = WorkerCommands.javaWorker(null, false, List.of("-Damp.sample.fixtures=on", "-XX:+ExitOnOutOfMemoryError"));
        RunSettings settings = new RunSettings(1, command, temp.resolve("run"), temp, Map.of());
        RunReport report = DistributedRun.run(settings, List.of(FIXTURES + "RunsOutOfMemoryFixture", DEMO + "#passes"),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        TestResult memory = only(report, FIXTURES + "RunsOutOfMemoryFixture");
        assertEquals(ResultKind.ERROR, memory.kind(), printed());
        assertTrue(memory.details().contains("exited with status 3"), memory.details());
        assertTrue(memory.errorOutput().contains("Terminating due to java.lang.OutOfMemoryError"), memory.errorOutput());
        assertEquals(ResultKind.SUCCESS, only(report, DEMO + "#passes").kind(), printed());
    }

    /** Workers as the manager starts its own (its JVM options), from this test JVM's class path. */
    private RunSettings realWorkers(int jobs) {
        String command = WorkerCommands.javaWorker(null, false, List.of("-Damp.sample.fixtures=on", "-Damp.fixture.dir=" + temp));
        return new RunSettings(jobs, command, temp.resolve("run"), temp, Map.of());
    }

    @Test
    void workersBootWhileTheManagerIsStillListingTests() throws Exception {
        RunSettings settings = new RunSettings(2, quotedWorkerCommand(), temp.resolve("run"), temp, Map.of());
        RunReport report = DistributedRun.run(settings, () -> {
            Thread.sleep(500);
            return List.of(DEMO + "#passes", DEMO + "#printsOutput", DEMO + "#passes");
        }, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertEquals(3, report.counts().get(ResultKind.SUCCESS), printed());
        assertTrue(printed().startsWith("amp-worker: 3 tests on 2 workers"), printed());
    }

    @Test
    void failingToListTestsStopsTheWorkers() {
        RunSettings settings = new RunSettings(2, quotedWorkerCommand(), temp.resolve("run"), temp, Map.of());
        IOException failure = assertThrows(IOException.class, () -> DistributedRun.run(settings, () -> {
            throw new IllegalStateException("no tests here");
        }, new PrintStream(printed, true, StandardCharsets.UTF_8)));
        assertTrue(failure.getMessage().contains("no tests here"), failure.getMessage());
    }

    @Test
    void aWorkerCommandThatCannotStartIsAProblemNotAHang() throws Exception {
        RunSettings settings = new RunSettings(1, "/no/such/worker", temp.resolve("run"), temp, Map.of());
        RunReport report = DistributedRun.run(settings, List.of(DEMO + "#passes"), new PrintStream(printed, true, StandardCharsets.UTF_8));
        TestResult notRun = only(report, DEMO + "#passes");
        assertEquals(ResultKind.ERROR, notRun.kind());
        assertEquals("not run: no worker was left to run it", notRun.headline());
        assertEquals(1, report.problems().size(), () -> report.problems().toString());
        String problem = report.problems().get(0);
        assertTrue(problem.startsWith("worker 0 could not start") && problem.contains("exited with status 127")
                && problem.contains("/no/such/worker"), problem);
    }
}
