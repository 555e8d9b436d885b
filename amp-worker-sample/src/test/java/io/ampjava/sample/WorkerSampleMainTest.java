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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
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

    private static final String DEMO = "io.ampjava.sample.demo.DemoTest";
    private static final String FIXTURES = "io.ampjava.sample.junit.fixtures.";

    private static String testClasses() throws Exception {
        return jarOf(WorkerSampleMainTest.class);
    }

    @Test
    void reportsAreSurefireXmlOneFilePerClass() throws Exception {
        Path reports = temp.resolve("reports");
        assertEquals(1, execute("run", "-j", "2", "--temp-directory", temp.resolve("run").toString(),
                "--reports", reports.toString(), DEMO, "io.ampjava.sample.suite.SortTest#seed3"), () -> output);
        assertTrue(output.contains("wrote 2 JUnit XML reports to " + reports), output);

        Element demo = xml(reports.resolve("TEST-" + DEMO + ".xml"));
        assertEquals("testsuite", demo.getTagName());
        assertEquals(DEMO, demo.getAttribute("name"));
        assertEquals(List.of("5", "1", "1", "1"), List.of(demo.getAttribute("tests"), demo.getAttribute("failures"),
                demo.getAttribute("errors"), demo.getAttribute("skipped")));
        Element failed = testcase(demo, "failsAssertion");
        assertEquals(DEMO, failed.getAttribute("classname"));
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        assertEquals("org.opentest4j.AssertionFailedError", failure.getAttribute("type"));
        assertTrue(failure.getAttribute("message").startsWith("2 + 2 was expected to be 5, on purpose"), failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("at io.ampjava.sample.demo.DemoTest.failsAssertion(DemoTest.java:"),
                failure.getTextContent());
        Element error = (Element) testcase(demo, "throwsError").getElementsByTagName("error").item(0);
        assertEquals("java.lang.IllegalStateException", error.getAttribute("type"));
        assertEquals("demo error, on purpose", error.getAttribute("message"));
        Element skipped = (Element) testcase(demo, "isSkipped").getElementsByTagName("skipped").item(0);
        assertTrue(skipped.getAttribute("message").contains("demo skip"), skipped.getAttribute("message"));
        Element printed = (Element) testcase(demo, "printsOutput").getElementsByTagName("system-out").item(0);
        assertEquals("hello from demo\n", printed.getTextContent());
        assertEquals(0, testcase(demo, "passes").getChildNodes().getLength());
        Double.parseDouble(testcase(demo, "passes").getAttribute("time"));

        Element sort = xml(reports.resolve("TEST-io.ampjava.sample.suite.SortTest.xml"));
        assertEquals("1", sort.getAttribute("tests"));
        assertEquals("0", sort.getAttribute("failures"));
    }

    private static Element xml(Path file) throws Exception {
        return javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }

    private static Element testcase(Element suite, String name) {
        NodeList cases = suite.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testcase = (Element) cases.item(i);
            if (testcase.getAttribute("name").equals(name)) {
                return testcase;
            }
        }
        throw new AssertionError("no testcase " + name);
    }

    @Test
    void aPackageRunsItsClassesWholeCountingProgressUpAndListingTheSlowest() {
        assertEquals(0, execute("run", "-j", "2", "--slowest", "3", "--temp-directory", temp.toString(),
                "io.ampjava.sample.suite"), () -> output);
        // The bundled suite's 9 classes, and this module's own test of it (BundledSuiteTest) from the
        // test class path: each handed out whole.
        Matcher header = Pattern.compile("amp-worker: (\\d+) tests on 2 workers").matcher(output);
        assertTrue(header.find(), output);
        int classes = Integer.parseInt(header.group(1));
        assertTrue(classes >= 9 && classes < 20, output);
        Matcher passed = Pattern.compile("PASSED \\(successes=(\\d+)\\)").matcher(output);
        assertTrue(passed.find(), output);
        int results = Integer.parseInt(passed.group(1));
        assertTrue(results >= 118, output);
        List<Integer> counts = new ArrayList<>();
        Matcher progress = Pattern.compile("(?m)^\\[\\s*(\\d+)/" + classes + "\\] ok ").matcher(output);
        while (progress.find()) {
            counts.add(Integer.parseInt(progress.group(1)));
        }
        assertEquals(results, counts.size(), output);
        assertEquals(1, counts.get(0), output);
        assertEquals(classes, counts.get(counts.size() - 1), output);
        for (int i = 1; i < counts.size(); i++) {
            assertTrue(counts.get(i) - counts.get(i - 1) <= 1 && counts.get(i) >= counts.get(i - 1),
                    "the progress counts finished names, whichever worker ran them: " + counts);
        }
        int slowest = output.indexOf("Slowest tests:\n");
        assertTrue(slowest > 0, output);
        assertEquals(3, output.substring(slowest).lines().skip(1).takeWhile(line -> line.startsWith("  ")).count(), output);
    }

    @Test
    void tagsAndClassNamePatternsSelectWhatRuns() throws Exception {
        assertEquals(0, execute("run", "-j", "1", "--temp-directory", temp.resolve("a").toString(),
                "--classpath", testClasses(), "--jvm-option", "-Damp.sample.fixtures=on",
                "--include-tag", "fast", "--exclude-tag", "db", "*TaggedFix*"), () -> output);
        assertTrue(output.contains("ok    " + FIXTURES + "TaggedFixture#fast  (worker 0)"), output);
        assertTrue(output.contains("PASSED (successes=1)"), output);

        assertEquals(0, execute("run", "-j", "1", "--temp-directory", temp.resolve("b").toString(),
                "--jvm-option", "-Damp.sample.fixtures=on", "--exclude-tag", "fast", FIXTURES + "TaggedFixture"), () -> output);
        assertTrue(output.contains("ok    " + FIXTURES + "TaggedFixture#slow"), output);
        assertTrue(output.contains("PASSED (successes=1)"), output);

        assertEquals(2, execute("run", "--temp-directory", temp.resolve("c").toString(), "--classpath", testClasses(),
                "*NoSuchTestAnywhere*"));
        assertTrue(output.contains("no tests match *NoSuchTestAnywhere*"), output);
    }

    @Test
    void exitFirstStopsAfterTheFirstFailure() {
        assertEquals(1, execute("run", "-j", "1", "-x", "--temp-directory", temp.toString(),
                DEMO + "#passes", DEMO + "#failsAssertion", DEMO + "#throwsError", DEMO + "#printsOutput"), () -> output);
        assertTrue(output.contains("FAILED (successes=1, failures=1)"), output);
        assertTrue(output.contains("--exitfirst: stopped after the first failure; 2 tests were not run"), output);
    }

    @Test
    void untilFailureRunsAgainUntilATestFails() throws Exception {
        assertEquals(1, execute("run", "-j", "1", "-u", "--temp-directory", temp.resolve("run").toString(),
                "--jvm-option", "-Damp.sample.fixtures=on", "--jvm-option", "-Damp.fixture.dir=" + temp,
                FIXTURES + "FailsOnThirdPassFixture#countsItsRuns"), () -> output);
        assertTrue(output.contains("amp-worker: test pass 3\n"), output);
        assertTrue(!output.contains("test pass 4"), output);
        assertEquals("xxx", Files.readString(temp.resolve("passes")));
    }

    @Test
    void randomOrderIsPrintedAndReplaysTheSameWay() throws Exception {
        List<String> names = List.of(DEMO + "#passes", DEMO + "#printsOutput", "io.ampjava.sample.suite.SortTest#seed1",
                "io.ampjava.sample.suite.SortTest#seed2", "io.ampjava.sample.suite.SortTest#seed3",
                "io.ampjava.sample.suite.Sha256ChainTest#seed1", "io.ampjava.sample.suite.Sha256ChainTest#seed2",
                "io.ampjava.sample.demo.LargeReportsTest#printsLongLine");
        List<List<String>> orders = new ArrayList<>();
        for (String seed : List.of("42", "42", "7")) {
            List<String> args = new ArrayList<>(List.of("run", "--in-process", "--random", seed, "--temp-directory",
                    temp.resolve(orders.size() + "").toString()));
            args.addAll(names);
            execute(args.toArray(String[]::new));
            assertTrue(output.contains("tests shuffled with --random " + seed), output);
            List<String> order = Files.readAllLines(temp.resolve(orders.size() + "/order.txt"));
            assertEquals(new java.util.HashSet<>(names), new java.util.HashSet<>(order));
            orders.add(order);
        }
        assertEquals(orders.get(0), orders.get(1), "the same seed, the same order");
        assertTrue(!orders.get(0).equals(orders.get(2)) && !orders.get(0).equals(names), orders.toString());
    }

    @Test
    void aStdioWorkerKeepsStrayStandardOutputOffTheProtocol() {
        String worker = String.join(" ", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Damp.sample.fixtures=on", "-cp", "'" + System.getProperty("java.class.path") + "'",
                "io.ampjava.sample.cli.WorkerMain", "--stdio");
        assertEquals(0, execute("run", "-j", "2", "--temp-directory", temp.toString(), "--worker-stdio",
                "--worker-command", worker, DEMO + "#printsOutput", FIXTURES + "WritesToRealStdoutFixture#writesToFdOne",
                DEMO + "#passes"), () -> output);
        assertTrue(output.contains("PASSED (successes=3)"), output);
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
