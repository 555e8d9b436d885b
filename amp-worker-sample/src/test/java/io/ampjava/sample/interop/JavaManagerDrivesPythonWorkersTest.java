package io.ampjava.sample.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.sample.manager.DistributedRun;
import io.ampjava.sample.manager.ResultKind;
import io.ampjava.sample.manager.RunReport;
import io.ampjava.sample.manager.RunSettings;
import io.ampjava.sample.manager.TestResult;
import io.ampjava.testing.TwistedPython;
import io.ampjava.testing.TwistedPython.Need;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java manager drives Python workers: Twisted 22.4's real {@code workertrial.py} (the old,
 * inline dialect) on a small trial module, and a worker that speaks 22.10's stream dialect through
 * Twisted's AMP.
 */
@Timeout(180)
class JavaManagerDrivesPythonWorkersTest {
    private static final String MODULE = "amp_sample_tests";

    @TempDir
    Path temp;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private RunReport run(String workerCommand, List<String> tests) throws IOException, InterruptedException {
        RunSettings settings = new RunSettings(2, workerCommand, temp.resolve("_amp_worker_temp"), temp,
                Map.of("PYTHONPATH", Resources.path("interop/pytests").toString()));
        return DistributedRun.run(settings, tests, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    /** Twisted's worker script, where Debian puts it (next to the twisted package). */
    private static String workertrial() {
        return TwistedPython.output("-c", "import twisted.trial._dist.workertrial as w; print(w.__file__)");
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
    void twistedWorkertrialRunsATrialModule() throws Exception {
        String command = TwistedPython.require(Need.TWISTED) + " " + workertrial();
        RunReport report = run(command, List.of(MODULE + ".SampleTests", MODULE + ".MoreTests.test_one",
                MODULE + ".MoreTests.test_two", MODULE + ".NoSuchTests"));

        Map<ResultKind, Integer> counts = report.counts();
        assertEquals(4, counts.get(ResultKind.SUCCESS), printed());
        assertEquals(1, counts.get(ResultKind.FAILURE), printed());
        assertEquals(2, counts.get(ResultKind.ERROR), printed()); // test_error and the unknown name
        assertEquals(1, counts.get(ResultKind.SKIP), printed());
        assertEquals(1, counts.get(ResultKind.EXPECTED_FAILURE), printed());
        assertEquals(1, counts.get(ResultKind.UNEXPECTED_SUCCESS), printed());
        assertFalse(report.wasSuccessful());
        assertTrue(report.problems().isEmpty(), () -> report.problems().toString());

        TestResult fail = only(report, MODULE + ".SampleTests.test_fail");
        assertEquals(ResultKind.FAILURE, fail.kind());
        assertEquals("twisted.trial.unittest.FailTest: expected 5, got 4", fail.headline());
        assertTrue(fail.details().startsWith("Traceback (most recent call last):\n"), fail.details());
        assertTrue(fail.details().contains("amp_sample_tests.py\", line "), fail.details());
        TestResult error = only(report, MODULE + ".SampleTests.test_error");
        assertEquals("builtins.ValueError: python error, on purpose", error.headline());
        assertEquals("skipping on purpose", only(report, MODULE + ".SampleTests.test_skip").headline());
        assertEquals("known broken", only(report, MODULE + ".SampleTests.test_todo").headline());
        assertEquals("should fail", only(report, MODULE + ".SampleTests.test_unexpected").headline());
        TestResult unknown = only(report, MODULE + ".NoSuchTests");
        assertEquals(ResultKind.ERROR, unknown.kind());

        String log = Files.readString(temp.resolve("_amp_worker_temp/test.log"));
        assertTrue(log.contains("hello from the python worker"), log);
        assertTrue(log.contains("--> " + MODULE + ".MoreTests.test_one <--"), log);
        // Start moved each worker into its own directory: trial's worker logs land there.
        assertTrue(Files.exists(temp.resolve("_amp_worker_temp/0/err.log")));
        assertTrue(printed().contains("FAILED (successes=4, failures=1, errors=2, skips=1, expectedFailures=1, unexpectedSuccesses=1)"),
                printed());
    }

    @Test
    void streamDialectOfTwisted2210IsAccepted() throws Exception {
        String command = TwistedPython.require(Need.TWISTED) + " " + Resources.path("interop/new_dialect_worker.py");
        RunReport report = run(command, List.of("t.pass", "t.fail", "t.error", "t.skip", "t.todo", "t.unexpected", "t.long"));
        assertTrue(report.problems().isEmpty(), () -> report.problems().toString());

        assertEquals(ResultKind.SUCCESS, only(report, "t.pass").kind());
        TestResult fail = only(report, "t.fail");
        assertEquals(ResultKind.FAILURE, fail.kind());
        assertEquals("twisted.trial.unittest.FailTest: expected 5, got 4 \u2603", fail.headline());
        assertEquals("Traceback (most recent call last):\n"
                + "  File \"/tests/sample.py\", line 12, in test_it\n"
                + "  File \"/tests/helpers.py\", line 34, in helper\n"
                + "twisted.trial.unittest.FailTest: expected 5, got 4 \u2603\n", fail.details());
        assertEquals("builtins.ValueError: python error", only(report, "t.error").headline());
        assertEquals("skipping on purpose", only(report, "t.skip").headline());
        TestResult todo = only(report, "t.todo");
        assertEquals(ResultKind.EXPECTED_FAILURE, todo.kind());
        assertEquals("not done yet", todo.headline());
        assertEquals("known broken", todo.details());
        assertEquals(ResultKind.UNEXPECTED_SUCCESS, only(report, "t.unexpected").kind());

        // 200,000 characters (multi-byte ones included) and 1,000 frames: far over one AMP value.
        TestResult large = only(report, "t.long");
        assertTrue(large.details().contains(("\u20ac" + "x".repeat(9)).repeat(20_000)), "the long text did not arrive whole");
        assertEquals(1_000, large.details().lines().filter(line -> line.startsWith("  File \"/tests/deep.py\"")).count());
        String log = Files.readString(temp.resolve("_amp_worker_temp/test.log"));
        assertTrue(log.startsWith("Log opened.\n"), log);
    }
}
