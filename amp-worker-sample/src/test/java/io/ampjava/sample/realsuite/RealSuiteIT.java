package io.ampjava.sample.realsuite;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real suite nobody here wrote: Apache Commons Codec's own JUnit 5 tests, from its
 * {@code tests} jar on Maven Central (a test dependency of this module, resolved at build time),
 * run by the packaged manager on 2 workers, against one plain in-process JUnit run of the same
 * classes ({@link ReferenceRun}). Both JVMs get {@code -Xmx512m}, so the suite's tests that need
 * gigabytes skip themselves the same way in both.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RealSuiteIT {
    private static final Path JAR = Path.of(System.getProperty("amp.worker.jar"));
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String HEAP = "-Xmx512m";

    @TempDir
    Path temp;

    @Test
    void twoWorkersAddUpToOnePlainJUnitRun() throws Exception {
        String classpath = Files.readString(Path.of(System.getProperty("amp.real.suite.classpath")), UTF_8).trim();
        String testsJar = Stream.of(classpath.split(File.pathSeparator))
                .filter(entry -> entry.endsWith("-tests.jar")).findFirst().orElseThrow();

        // Side by side: the reference run spends much of its time waiting, and CI's time is short.
        Running manager = start(List.of(JAVA, "-jar", JAR.toString(), "run", "-j", "2", "--classpath", classpath,
                "--jvm-option", HEAP, "--reports", temp.resolve("reports").toString(),
                "--temp-directory", temp.resolve("run").toString()));
        Running plain = start(List.of(JAVA, HEAP, "-cp", System.getProperty("java.class.path"),
                ReferenceRun.class.getName(), testsJar));
        String distributed = manager.output(240);
        String reference = plain.output(240);
        System.out.println(distributed.lines().filter(line -> line.startsWith("Ran ") || line.startsWith("PASSED")
                || line.startsWith("FAILED") || line.startsWith("amp-worker: wrote")).reduce("", (a, b) -> a + b + "\n"));
        System.out.println(reference);

        Map<String, Integer> ours = counts(distributed);
        Map<String, Integer> junit = new HashMap<>();
        Matcher figures = Pattern.compile("(\\w+)=(\\d+)").matcher(reference.substring(reference.indexOf("reference:")));
        while (figures.find()) {
            junit.put(figures.group(1), Integer.parseInt(figures.group(2)));
        }
        assertTrue(junit.get("found") > 1000, reference);
        assertEquals(junit.get("succeeded"), ours.get("successes"), distributed + reference);
        assertEquals(junit.get("failed") + junit.get("containersFailed"), ours.get("failures") + ours.get("errors"),
                distributed + reference);
        assertEquals(junit.get("aborted") + junit.get("skipped"), ours.get("skips"), distributed + reference);
        int total = ours.values().stream().mapToInt(Integer::intValue).sum();
        Matcher ran = Pattern.compile("(?m)^Ran (\\d+) tests in [0-9.]+s on 2 workers$").matcher(distributed);
        assertTrue(ran.find(), distributed);
        assertEquals(total, Integer.parseInt(ran.group(1)), distributed);

        // The XML reports hold every result, class by class.
        int reported = 0;
        try (Stream<Path> files = Files.list(temp.resolve("reports"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                assertTrue(file.getFileName().toString().matches("TEST-org\\.apache\\.commons\\.codec\\..*\\.xml"), file.toString());
                reported += Integer.parseInt(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                        .getDocumentElement().getAttribute("tests"));
            }
        }
        assertEquals(total, reported);
    }

    /** successes, failures, errors and skips from the manager's last line. */
    private static Map<String, Integer> counts(String output) {
        Matcher last = Pattern.compile("(?m)^(PASSED|FAILED) \\((.*)\\)$").matcher(output);
        assertTrue(last.find(), output);
        Map<String, Integer> counts = new HashMap<>(Map.of("successes", 0, "failures", 0, "errors", 0, "skips", 0));
        for (String part : last.group(2).split(", ")) {
            String[] pair = part.split("=");
            counts.put(pair[0], Integer.parseInt(pair[1]));
        }
        return counts;
    }

    private Running start(List<String> command) throws Exception {
        Path output = Files.createTempFile(temp, "output", ".txt");
        Process process = new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        return new Running(command, process, output);
    }

    private record Running(List<String> command, Process process, Path file) {
        String output(int seconds) throws Exception {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + seconds + " s:\n"
                        + Files.readString(file, UTF_8));
            }
            return Files.readString(file, UTF_8);
        }
    }
}
