package io.ampjava.cli.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.cli.Cli;
import io.ampjava.cli.ExitCode;
import io.ampjava.testing.TwistedPython;
import io.ampjava.testing.TwistedPython.Need;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof by use: Twisted's own {@code twisted.trial._dist.workercommands} and {@code managercommands},
 * imported, compile with the processor beside a manager written against them, and that manager drives a
 * real Twisted worker ({@code workertrial.py}, AMP on its fds 3 and 4) through a test run.
 */
@Timeout(180)
class ImportedTrialWorkerTest {
    private static final String MODULE = "imported_worker_tests.Reports";

    @TempDir
    Path temp;

    @Test
    void importedDeclarationsDriveATwistedWorker() throws Exception {
        String python = TwistedPython.require(Need.TWISTED).toString();
        Path sources = temp.resolve("src");
        Cli.run("import", "twisted.trial._dist.workercommands", "twisted.trial._dist.managercommands", "--package", "trial",
                "--output", sources.toString(), "--python", python).assertStatus(ExitCode.OK);
        Files.copy(ImportSubcommandTest.resources().resolve("TrialManager.java.txt"),
                sources.resolve("trial/TrialManager.java"));

        try (URLClassLoader classes = Javac.compile(sources, temp.resolve("classes"))) {
            Method run = classes.loadClass("trial.TrialManager").getMethod("run", String.class, String.class, Path.class,
                    String.class, List.class);
            String workertrial = TwistedPython.output("-c", "import twisted.trial._dist.workertrial as w; print(w.__file__)");
            Path directory = Files.createDirectories(temp.resolve("worker"));
            @SuppressWarnings("unchecked")
            List<String> lines = (List<String>) run.invoke(null, python, workertrial, directory,
                    ImportSubcommandTest.resources().resolve("pytests").toString(),
                    List.of(MODULE + ".test_pass", MODULE + ".test_fail", MODULE + ".test_error", MODULE + ".test_skip",
                            MODULE + ".test_todo"));

            List<String> results = lines.stream().filter(line -> !line.startsWith("log ")).toList();
            assertEquals(5, results.size(), String.join("\n", lines));
            assertEquals("success " + MODULE + ".test_pass", results.get(0));
            assertTrue(results.get(1).startsWith("failure " + MODULE + ".test_fail twisted.trial.unittest.FailTest: "),
                    results.get(1));
            assertTrue(results.get(1).contains("arithmetic, on purpose"), results.get(1));
            assertEquals("error " + MODULE + ".test_error builtins.ValueError: an error, on purpose",
                    results.get(2));
            assertEquals("skip " + MODULE + ".test_skip: skipped, on purpose", results.get(3));
            assertEquals("expected failure " + MODULE + ".test_todo: known broken", results.get(4));
            assertTrue(lines.contains("log --> " + MODULE + ".test_pass <--"), String.join("\n", lines));
        }
    }
}
