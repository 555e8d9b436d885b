package io.ampjava.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line, as the README uses it. */
@Timeout(300)
class WorkerSampleMainTest {
    @TempDir
    Path temp;

    private String output;

    private int execute(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        CommandLine commandLine = new CommandLine(new WorkerSampleMain());
        commandLine.setOut(new java.io.PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return commandLine.execute(args);
        } finally {
            System.setOut(originalOut);
            output = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void bundledSuitePassesOnTwoWorkers() {
        assertEquals(0, execute("run", "--jobs", "2", "--temp-directory", temp.toString()), () -> output);
        assertTrue(output.matches("(?s).*\nPASSED \\(successes=1\\d\\d\\)\n.*"), output);
        assertTrue(output.contains("on 2 workers"), output);
    }

    @Test
    void failingTestsMakeTheExitCodeOne() {
        assertEquals(1, execute("run", "--jobs", "1", "--temp-directory", temp.toString(),
                "io.ampjava.sample.demo.DemoTest#failsAssertion", "io.ampjava.sample.demo.DemoTest#passes"), () -> output);
        assertTrue(output.contains("FAILED (successes=1, failures=1)"), output);
    }

    @Test
    void inProcessRunUsesTheSameReport() {
        assertEquals(0, execute("run", "--in-process", "--temp-directory", temp.toString(),
                "io.ampjava.sample.demo.DemoTest#passes", "io.ampjava.sample.demo.DemoTest#printsOutput"), () -> output);
        assertTrue(output.contains("PASSED (successes=2)"), output);
        assertTrue(output.contains("in process"), output);
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertEquals(2, execute("run", "--jobs", "0"));
        assertTrue(output.contains("--jobs must be at least 1"), output);
        assertEquals(2, execute("run", "--worker-command", "true", "--classpath", temp.toString()));
        assertTrue(output.contains("put them in --worker-command"), output);
        assertEquals(2, execute("run", "--classpath", temp.resolve("missing").toString()));
        assertTrue(output.contains("does not exist"), output);
        assertEquals(2, execute());
    }

    @Test
    void testsComeFromTheClasspathOption() throws Exception {
        Path sources = Files.createDirectories(temp.resolve("src/extra"));
        Files.writeString(sources.resolve("ExtraTest.java"), String.join("\n",
                "package extra;",
                "public class ExtraTest {",
                "    @org.junit.jupiter.api.Test void runsFromElsewhere() {",
                "        org.junit.jupiter.api.Assertions.assertEquals(\"extra\", getClass().getPackageName());",
                "    }",
                "}"));
        Path classes = Files.createDirectories(temp.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classpath = String.join(File.pathSeparator, jarOf(org.junit.jupiter.api.Test.class),
                jarOf(org.apiguardian.api.API.class), jarOf(org.opentest4j.AssertionFailedError.class));
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), "-cp", classpath,
                sources.resolve("ExtraTest.java").toString()));

        assertEquals(0, execute("run", "--jobs", "1", "--temp-directory", temp.resolve("run").toString(),
                "--classpath", classes.toString(), "extra.ExtraTest"), () -> output);
        assertTrue(output.contains("ok    extra.ExtraTest#runsFromElsewhere"), output);
        assertTrue(output.contains("PASSED (successes=1)"), output);
    }

    private static String jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    @Test
    void workerWithoutItsPipesExplainsItself() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WorkerSampleMain.class.getName(), "worker"));
        // A child of the JVM starts with only fds 0-2 open.
        Process worker = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(worker.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, worker.exitValue(), text);
        assertTrue(text.contains("talks to its manager on fds 3 and 4"), text);
    }
}
