package io.ampjava.sample.cli;

import io.ampjava.sample.junit.JUnitTestRunner;
import io.ampjava.sample.manager.DistributedRun;
import io.ampjava.sample.manager.InProcessRun;
import io.ampjava.sample.manager.RunReport;
import io.ampjava.sample.manager.RunSettings;
import io.ampjava.sample.manager.WorkerCommands;
import io.ampjava.sample.reports.SurefireXmlReports;
import io.ampjava.sample.selection.MavenProject;
import io.ampjava.sample.selection.TestSelection;
import io.ampjava.sample.suite.BundledSuite;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run}: the manager, trial's {@code trial -j N} for JUnit tests (or for any trial worker). */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run tests on worker processes over AMP and print a summary.",
            "Exits 0 when nothing failed, 1 otherwise, 2 for a usage error."})
public final class RunSubcommand implements Callable<Integer> {
    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "How many workers (default: one per host with --hosts, else one per CPU).")
    Integer jobs;

    @Option(names = "--classpath", paramLabel = "CP", description = "Where the Java workers find the tests, besides this jar.")
    String classpath;

    @Option(names = "--maven-project", paramLabel = "DIR",
            description = {"Run the tests of this compiled Maven project: target/test-classes, target/classes and",
                "its test-scope dependencies (listed by Maven's dependency:build-classpath)."})
    Path mavenProject;

    @Option(names = "--maven-offline", description = "Run Maven with -o for --maven-project.")
    boolean mavenOffline;

    @Option(names = "--include-tag", paramLabel = "TAG", split = ",",
            description = "Run only tests with one of these JUnit tags (or tag expressions).")
    List<String> includeTags = new ArrayList<>();

    @Option(names = "--exclude-tag", paramLabel = "TAG", split = ",", description = "Leave out tests with these JUnit tags.")
    List<String> excludeTags = new ArrayList<>();

    @Option(names = "--reports", paramLabel = "DIR",
            description = "Write JUnit XML reports there, one TEST-<class>.xml per class, as Maven Surefire does.")
    Path reports;

    @Option(names = "--test-timeout", paramLabel = "SECONDS",
            description = "A test still running after this is an error, and its worker is killed and replaced.")
    Double testTimeout;

    @Option(names = {"-x", "--exitfirst"}, description = "Stop handing out tests after the first failure or error.")
    boolean exitFirst;

    @Option(names = {"-u", "--until-failure"}, description = "Run the tests again and again until one fails.")
    boolean untilFailure;

    @Option(names = "--random", paramLabel = "SEED",
            description = {"Run the tests in an order shuffled with this seed (0: a seed of its own); the seed is",
                "printed, so the same order can be replayed."})
    Long randomSeed;

    @Option(names = "--slowest", paramLabel = "N", description = "List the N slowest tests at the end (default: ${DEFAULT-VALUE}).")
    int slowest = 10;

    @Option(names = "--hosts", paramLabel = "HOST", split = ",",
            description = {"Spread the workers over these hosts, through ssh: worker i runs on host i mod the number",
                "of hosts. Each host needs java and the same jar and test class path at the same paths."})
    List<String> hosts = new ArrayList<>();

    @Option(names = "--ssh-options", paramLabel = "OPTIONS",
            description = "Options for ssh with --hosts, split at spaces, e.g. \"-F ci_ssh_config -i ~/.ssh/ci\".")
    String sshOptions;

    @Option(names = "--remote-java", paramLabel = "JAVA",
            description = "The java command on the hosts (default: ${DEFAULT-VALUE}, from the host's PATH).")
    String remoteJava = "java";

    @Option(names = "--worker-command", paramLabel = "CMD",
            description = {"The worker to start instead of this jar's, as a shell command line; {index} becomes the",
                "worker's index and {host} its host. It must speak trial's worker protocol on fds 3 and 4 (e.g.",
                "/usr/bin/python3 .../twisted/trial/_dist/workertrial.py), or with --worker-stdio on its",
                "standard input and output (e.g. docker exec -i box{index} java -jar amp-worker.jar worker --stdio)."})
    String workerCommand;

    @Option(names = "--worker-stdio", description = "The --worker-command speaks AMP on its standard input and output.")
    boolean workerStdio;

    @Option(names = "--jvm-option", paramLabel = "OPTION", description = "An option for the Java workers' JVMs, e.g. -Xmx1g (repeatable).")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--force-gc", description = "Ask the Java workers to collect garbage around each test.")
    boolean forceGc;

    @Option(names = "--temp-directory", paramLabel = "DIR", description = "Where test.log and the workers' directories go (default: ${DEFAULT-VALUE}).")
    Path tempDirectory = Path.of("_amp_worker_temp");

    @Option(names = "--in-process", description = "Run the tests in this JVM, without workers or AMP (a baseline for measurements).")
    boolean inProcess;

    @Parameters(paramLabel = "TEST", description = {"pkg.Class#method, pkg.Class, a package, or a class-name pattern",
        "(*Test, org.example.**.*IT, !*SlowTest); a Python dotted name for a Python worker.",
        "None: the tests of --classpath/--maven-project, or the bundled example suite."})
    List<String> tests = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        validate();
        List<Path> roots = new ArrayList<>();
        String testClasspath = classpath;
        if (mavenProject != null) {
            MavenProject project = new MavenProject(mavenProject);
            List<Path> entries;
            try {
                entries = project.testClasspath(mavenOffline);
            } catch (IOException e) {
                throw usage(e.getMessage());
            }
            testClasspath = entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
            roots.add(project.testClasses());
        } else if (classpath != null) {
            for (String entry : classpath.split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    roots.add(Path.of(entry).toAbsolutePath());
                }
            }
        }
        ClassLoader testClasses;
        try {
            testClasses = TestClassLoaders.withClasspath(testClasspath);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        Callable<List<String>> names = names(testClasses, roots);
        if (randomSeed != null) {
            long seed = randomSeed != 0 ? randomSeed : new Random().nextLong() & Long.MAX_VALUE;
            Callable<List<String>> ordered = names;
            names = () -> shuffled(ordered.call(), seed);
            System.out.println("amp-worker: tests shuffled with --random " + seed + " (the order is in "
                    + tempDirectory.resolve("order.txt") + ")");
        }
        if (!inProcess) {
            // Listing the tests once, while the first run's workers start, is enough for all runs.
            names = once(names);
        }
        for (int pass = 1; ; pass++) {
            if (untilFailure) {
                System.out.println("amp-worker: test pass " + pass);
            }
            RunReport report;
            try {
                report = runOnce(names, testClasses, testClasspath);
            } catch (IOException e) {
                if (e.getCause() instanceof IllegalArgumentException) {
                    throw usage(e.getCause().getMessage());
                }
                throw e;
            }
            if (reports != null) {
                List<Path> written = SurefireXmlReports.write(reports, report.results());
                System.out.println("amp-worker: wrote " + written.size() + " JUnit XML reports to " + reports);
            }
            if (!report.wasSuccessful()) {
                return 1;
            }
            if (!untilFailure) {
                return 0;
            }
        }
    }

    private void validate() {
        if (jobs != null && jobs < 1) {
            throw usage("--jobs must be at least 1, got " + jobs);
        }
        if (workerCommand != null && (classpath != null || forceGc || mavenProject != null || !jvmOptions.isEmpty())) {
            throw usage("--classpath, --maven-project, --jvm-option and --force-gc configure this jar's worker;"
                    + " put them in --worker-command instead");
        }
        if (classpath != null && mavenProject != null) {
            throw usage("give --classpath or --maven-project, not both");
        }
        if (inProcess && (workerCommand != null || !hosts.isEmpty())) {
            throw usage("--in-process runs no worker: drop --worker-command and --hosts");
        }
        if (workerStdio && workerCommand == null) {
            throw usage("--worker-stdio describes a --worker-command");
        }
        if (testTimeout != null && !(testTimeout > 0)) {
            throw usage("--test-timeout must be a positive number of seconds, got " + testTimeout);
        }
        if (slowest < 0) {
            throw usage("--slowest must not be negative, got " + slowest);
        }
        if (hosts.stream().anyMatch(String::isBlank)) {
            throw usage("--hosts has an empty host name");
        }
        if (sshOptions != null && hosts.isEmpty()) {
            throw usage("--ssh-options applies to --hosts");
        }
        if (sshOptions != null && workerCommand != null) {
            throw usage("--ssh-options builds the default ssh command: with --worker-command, write the options into it");
        }
    }

    /** The tests to run, found when called (while the workers start). */
    private Callable<List<String>> names(ClassLoader testClasses, List<Path> roots) {
        boolean bundled = tests.isEmpty() && roots.isEmpty();
        if (bundled && includeTags.isEmpty() && excludeTags.isEmpty()) {
            // The manager itself runs no JUnit here: it lists the suite by reflection.
            return BundledSuite::testNames;
        }
        List<String> specs = bundled
                ? BundledSuite.CLASSES.stream().map(Class::getName).collect(Collectors.toList())
                : tests;
        TestSelection selection = new TestSelection(specs, roots, includeTags, excludeTags);
        if (selection.isPlainNames(testClasses)) {
            return () -> specs;
        }
        return () -> {
            try (JUnitTestRunner discovery = new JUnitTestRunner(testClasses)) {
                return selection.names(discovery);
            }
        };
    }

    private RunReport runOnce(Callable<List<String>> names, ClassLoader testClasses, String testClasspath) throws Exception {
        if (inProcess) {
            List<String> list;
            try {
                list = names.call();
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
            try (JUnitTestRunner runner = new JUnitTestRunner(testClasses)) {
                return InProcessRun.run(runner, list, tempDirectory, System.out, slowest);
            }
        }
        RunSettings settings = settings(testClasses, testClasspath);
        return DistributedRun.run(settings, names, System.out);
    }

    private RunSettings settings(ClassLoader testClasses, String testClasspath) {
        String command;
        boolean stdio;
        if (workerCommand != null) {
            command = workerCommand;
            stdio = workerStdio;
        } else if (!hosts.isEmpty()) {
            List<String> options = sshOptions == null || sshOptions.isBlank()
                    ? List.of() : Arrays.asList(sshOptions.trim().split("\\s+"));
            command = WorkerCommands.sshWorker(options, WorkerCommands.remoteJavaWorker(remoteJava, testClasspath, forceGc, jvmOptions));
            stdio = true;
        } else {
            command = WorkerCommands.javaWorker(testClasspath, forceGc, jvmOptions);
            stdio = false;
        }
        int workers = jobs != null ? jobs : hosts.isEmpty() ? Runtime.getRuntime().availableProcessors() : hosts.size();
        Optional<Duration> timeout = Optional.ofNullable(testTimeout).map(seconds -> Duration.ofMillis(Math.round(seconds * 1000)));
        // testClasses: the class check covers only classes the manager has, on workers that know ClassDigest.
        return new RunSettings(workers, command, tempDirectory, Path.of(""), Map.of(), hosts, stdio, timeout,
                exitFirst, slowest, testClasses);
    }

    private List<String> shuffled(List<String> names, long seed) throws IOException {
        List<String> order = new ArrayList<>(names);
        Collections.shuffle(order, new Random(seed));
        Files.createDirectories(tempDirectory);
        Files.write(tempDirectory.resolve("order.txt"), order, StandardCharsets.UTF_8);
        return order;
    }

    /** {@code names}, called once: the first call's list, or its failure, for every pass. */
    private static Callable<List<String>> once(Callable<List<String>> names) {
        List<List<String>> found = new ArrayList<>();
        return () -> {
            synchronized (found) {
                if (found.isEmpty()) {
                    found.add(names.call());
                }
                return found.get(0);
            }
        };
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
