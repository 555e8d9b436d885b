package io.ampjava.sample.hosts;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers on other hosts, through ssh: the packaged manager in this (the root) network namespace
 * runs the bundled suite on workers in other namespaces, each with its own address and its own
 * OpenSSH server that accepts only a key made here. Skipped without root or sshd, except on CI
 * ({@code CI=true}), where it must run.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SshHostsIT {
    private static final Path JAR = Path.of(System.getProperty("amp.worker.jar"));
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String FIXTURE = "io.ampjava.sample.junit.fixtures.NetworkCutFixture#waitsForTheCut";

    @TempDir
    static Path temp;

    private static SshHosts hosts;
    private static SshHosts.Host hostA;
    private static SshHosts.Host hostB;
    private static Path sshConfig;

    @BeforeAll
    static void startHosts() throws Exception {
        String missing = SshHosts.missing();
        if (missing != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("the ssh hosts test must run on CI, but " + missing);
            }
            Assumptions.abort(missing);
        }
        SshHosts.removeStale();
        hosts = new SshHosts(temp);
        hosts.keys();
        hostA = hosts.start("host-a", 0, false);
        hostB = hosts.start("host-b", 1, false);
        hosts.start("host-c", 2, true);
        sshConfig = hosts.clientConfig();
    }

    @AfterAll
    static void stopHosts() throws Exception {
        if (hosts != null) {
            hosts.close();
        }
    }

    private record Run(int exitCode, String output) {}

    private static Process start(String name, String hostList, String... more) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString(), "run", "-j", "2",
                "--hosts", hostList,
                "--ssh-options", "-F " + sshConfig + " -o ServerAliveInterval=2 -o ServerAliveCountMax=3",
                "--temp-directory", temp.resolve(name).toString()));
        command.addAll(List.of(more));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(temp.resolve(name + ".out").toFile()).start();
    }

    private static Run finish(Process manager, String name) throws Exception {
        if (!manager.waitFor(120, TimeUnit.SECONDS)) {
            manager.destroyForcibly();
            fail("the manager did not finish within 120 s:\n" + Files.readString(temp.resolve(name + ".out")));
        }
        return new Run(manager.exitValue(), Files.readString(temp.resolve(name + ".out"), UTF_8));
    }

    private static int total(String output) {
        Matcher header = Pattern.compile("amp-worker: (\\d+) tests on 2 workers on ").matcher(output);
        assertTrue(header.find(), output);
        return Integer.parseInt(header.group(1));
    }

    @Test
    @Order(1)
    void theBundledSuiteRunsAcrossTwoHosts() throws Exception {
        Run run = finish(start("both", "host-a,host-b"), "both");
        assertEquals(0, run.exitCode, run.output);
        assertTrue(run.output.contains("Ran 118 tests in ") && run.output.contains("PASSED (successes=118)"), run.output);
        assertTrue(run.output.contains("(worker 0 on host-a)"), run.output);
        assertTrue(run.output.contains("(worker 1 on host-b)"), run.output);
    }

    @Test
    @Order(2)
    void aHostThatRefusesTheKeyIsAClearErrorAndTheOtherHostRunsItsShare() throws Exception {
        Run run = finish(start("refused", "host-a,host-c"), "refused");
        assertEquals(1, run.exitCode, run.output);
        assertTrue(run.output.contains("[PROBLEM] worker 1 on host-c could not start"), run.output);
        assertTrue(run.output.contains("Permission denied (publickey)"), run.output);
        assertTrue(run.output.contains("exited with status 255"), run.output);
        assertTrue(run.output.contains("Ran 118 tests in ") && run.output.contains("(successes=118)"), run.output);
        assertTrue(!run.output.contains("on host-c)"), "no test ran on host-c:\n" + run.output);
    }

    /** Last: it leaves one host cut off (its link is restored, but its old connection is gone). */
    @Test
    @Order(3)
    void aHostCutOffMidTestHasThatTestRunElsewhereAndTheRunFinishes() throws Exception {
        Path fixtureFiles = Files.createDirectories(temp.resolve("cut-fixture"));
        Path testClasses = Path.of(SshHostsIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process manager = start("cut", "host-a,host-b", "--classpath", testClasses.toString(),
                "--jvm-option", "-Damp.sample.fixtures=on", "--jvm-option", "-Damp.fixture.dir=" + fixtureFiles,
                FIXTURE, "io.ampjava.sample.suite");
        CompletableFuture<Run> run = CompletableFuture.supplyAsync(() -> {
            try {
                return finish(manager, "cut");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // The fixture runs first (it is first in the list) and says on which host.
        String address = null;
        for (int i = 0; i < 600 && address == null; i++) {
            try (Stream<Path> started = Files.list(fixtureFiles)) {
                address = started.map(path -> path.getFileName().toString()).filter(name -> name.startsWith("started-")
                        && !name.endsWith(".tmp")).map(name -> name.substring("started-".length())).findFirst().orElse(null);
            }
            if (address == null) {
                assertTrue(manager.isAlive(), () -> "the manager ended before the fixture started");
                Thread.sleep(100);
            }
        }
        assertTrue(address != null, "the fixture never started");
        SshHosts.Host cut = hosts.byAddress(address);
        SshHosts.Host other = cut == hostA ? hostB : hostA;
        Run result;
        try {
            hosts.cut(cut);
            Files.writeString(fixtureFiles.resolve("released"), "go");
            result = run.get(150, TimeUnit.SECONDS);
        } finally {
            hosts.reconnect(cut);
        }
        // The suite's classes are handed out whole: more results than names.
        int names = total(result.output);
        Matcher ran = Pattern.compile("(?m)^Ran (\\d+) tests in ").matcher(result.output);
        assertTrue(ran.find(), result.output);
        int results = Integer.parseInt(ran.group(1));
        assertTrue(results >= 119 && result.output.contains("(successes=" + results + ")"), result.output);
        Matcher rerun = Pattern.compile("(?m)^\\[\\s*\\d+/" + names + "\\] ok    " + Pattern.quote(FIXTURE)
                + "  \\(worker (\\d) on " + other.name() + "\\)$").matcher(result.output);
        assertTrue(rerun.find(), "the fixture re-ran on " + other.name() + ":\n" + result.output);
        assertTrue(result.output.contains("[NOTE] worker") && result.output.contains("on " + cut.name()
                + " was lost while running " + FIXTURE), result.output);
        // The cut host cannot take a replacement worker: that is reported, and fails the run.
        assertTrue(result.output.contains("on " + cut.name() + " could not start"), result.output);
        assertEquals(1, result.exitCode, result.output);
    }
}
