package io.ampjava.conformance.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.ampjava.testing.TwistedPython;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * One of the Python tools ({@code twisted_client.py}, {@code raw_probe.py}) run against a peer,
 * its JSON lines turned into one JUnit test per row or probe, so a report names exactly which check
 * failed and why.
 */
final class PythonTool {
    private static final long TIMEOUT_SECONDS = 120;

    private final String script;
    private final String idKey;

    private PythonTool(String script, String idKey) {
        this.script = script;
        this.idKey = idKey;
    }

    /** The Twisted client driver: one {@code row} per command-table check. */
    static PythonTool twistedClient() {
        return new PythonTool("twisted_client.py", "row");
    }

    /** The raw-byte probes: one {@code probe} per hostile or edge input. */
    static PythonTool rawProbes() {
        return new PythonTool("raw_probe.py", "probe");
    }

    /** What one run printed. */
    record Run(String commandLine, int exitCode, List<String> stdout, String stderr) {}

    Run run(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(TwistedPython.interpreter().toString(),
                InteropPaths.pythonDir().resolve(script).toString()));
        command.addAll(arguments);
        String base = script.replace(".py", "") + "-" + String.join("-", arguments).replaceAll("[^A-Za-z0-9.]+", "_");
        if (base.length() > 100) {
            base = base.substring(0, 100);
        }
        Path out = InteropPaths.logDir().resolve(base + ".out");
        Path err = InteropPaths.logDir().resolve(base + ".err");
        try {
            Process process = InteropPaths.python(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s; output so far:\n"
                        + Files.readString(out) + Files.readString(err));
            }
            return new Run(String.join(" ", command), process.exitValue(),
                    Files.readAllLines(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The names of the checks this tool runs over {@code transport} ("unix" or "tcp"), from its {@code --list}. */
    Set<String> names(String transport) {
        Run run = run(List.of("--list"));
        assertEquals(0, run.exitCode(), run.commandLine() + " failed:\n" + run.stderr());
        Set<String> names = new LinkedHashSet<>();
        for (String line : run.stdout()) {
            String[] fields = line.split("\t");
            if (List.of(fields[1].split(",")).contains(transport)) {
                names.add(fields[0]);
            }
        }
        return names;
    }

    /**
     * Runs the tool and returns one test per reported check, then one that the run was complete:
     * every expected check reported, a summary printed, and an exit status that agrees.
     */
    Stream<DynamicTest> checks(String transport, List<String> arguments) {
        return checks(transport, arguments, Map.of());
    }

    /**
     * The same, where each check named in {@code knownDifferences} must fail with exactly the detail
     * given (a deliberate difference, see {@link KnownDifferences}).
     */
    Stream<DynamicTest> checks(String transport, List<String> arguments, Map<String, String> knownDifferences) {
        Set<String> expected = names(transport);
        Run run = run(arguments);
        List<DynamicTest> tests = new ArrayList<>();
        Set<String> reported = new LinkedHashSet<>();
        int failed = 0;
        String summary = null;
        for (String line : run.stdout()) {
            if (line.startsWith("{\"summary\"")) {
                summary = line;
                continue;
            }
            Map<String, Object> result;
            try {
                result = FlatJson.parse(line);
            } catch (RuntimeException e) {
                tests.add(dynamicTest("unreadable line", () -> fail(run.commandLine() + " printed: " + line)));
                continue;
            }
            String name = String.valueOf(result.get(idKey));
            reported.add(name);
            boolean ok = Boolean.TRUE.equals(result.get("ok"));
            String detail = String.valueOf(result.get("detail"));
            failed += ok ? 0 : 1;
            String difference = knownDifferences.get(name);
            if (difference == null) {
                tests.add(dynamicTest(name, () -> assertTrue(ok, name + ": " + detail)));
            } else {
                tests.add(dynamicTest(name + " (known difference)", () -> assertEquals(difference, ok ? "passed" : detail,
                        name + " is a documented difference from Twisted; if it passes now, update KnownDifferences and docs/interop.md")));
            }
        }
        String finalSummary = summary;
        int failures = failed;
        tests.add(dynamicTest("complete run", () -> {
            String stderr = LogFiles.tail(run.stderr());
            assertEquals(expected, reported, run.commandLine() + " did not report every check; stderr:\n" + stderr);
            assertTrue(finalSummary != null, run.commandLine() + " printed no summary; stderr:\n" + stderr);
            assertEquals(failures == 0 ? 0 : 1, run.exitCode(), run.commandLine() + ": exit status disagrees with " + finalSummary);
        }));
        return tests.stream();
    }
}
