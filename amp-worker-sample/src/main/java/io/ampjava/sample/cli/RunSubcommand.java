package io.ampjava.sample.cli;

import io.ampjava.sample.junit.JUnitTestRunner;
import io.ampjava.sample.manager.DistributedRun;
import io.ampjava.sample.manager.InProcessRun;
import io.ampjava.sample.manager.RunReport;
import io.ampjava.sample.manager.RunSettings;
import io.ampjava.sample.manager.WorkerCommands;
import io.ampjava.sample.suite.BundledSuite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run}: the manager, trial's {@code trial -j N} for JUnit tests (or for any trial worker). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run tests on worker processes over AMP and print a summary.",
            "Exits 0 when nothing failed, 1 otherwise."})
public final class RunSubcommand implements Callable<Integer> {
    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "How many workers (default: one per CPU, ${DEFAULT-VALUE}).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--classpath", paramLabel = "CP", description = "Where the Java workers find the tests, besides this jar.")
    String classpath;

    @Option(names = "--worker-command", paramLabel = "CMD",
            description = {"The worker to start instead of this jar's, as a shell command line; it must speak",
                "trial's worker protocol on fds 3 and 4, e.g. /usr/bin/python3 .../twisted/trial/_dist/workertrial.py"})
    String workerCommand;

    @Option(names = "--force-gc", description = "Ask the Java workers to collect garbage around each test.")
    boolean forceGc;

    @Option(names = "--temp-directory", paramLabel = "DIR", description = "Where test.log and the workers' directories go (default: ${DEFAULT-VALUE}).")
    Path tempDirectory = Path.of("_amp_worker_temp");

    @Option(names = "--in-process", description = "Run the tests in this JVM, without workers or AMP (a baseline for measurements).")
    boolean inProcess;

    @Parameters(paramLabel = "TEST", description = {"pkg.Class#method or pkg.Class (a Python dotted name for a Python worker).",
        "None: the bundled example suite."})
    List<String> tests;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (jobs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1, got " + jobs);
        }
        if (workerCommand != null && (classpath != null || forceGc)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--classpath and --force-gc configure this jar's worker; put them in --worker-command instead");
        }
        if (inProcess && workerCommand != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--in-process runs no worker: drop --worker-command");
        }
        ClassLoader testClasses;
        try {
            testClasses = TestClassLoaders.withClasspath(classpath);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        boolean bundled = tests == null || tests.isEmpty();
        RunReport report;
        if (inProcess) {
            try (JUnitTestRunner runner = new JUnitTestRunner(testClasses)) {
                report = InProcessRun.run(runner, bundled ? BundledSuite.testNames() : tests, tempDirectory, System.out);
            }
        } else {
            // The manager itself runs no JUnit: the workers discover and run the tests they are sent.
            String command = workerCommand != null ? workerCommand : WorkerCommands.javaWorker(classpath, forceGc);
            RunSettings settings = new RunSettings(jobs, command, tempDirectory, Path.of(""), Map.of());
            report = bundled
                    // Listing the suite (reflection over its classes) overlaps the workers' start-up.
                    ? DistributedRun.run(settings, BundledSuite::testNames, System.out)
                    : DistributedRun.run(settings, tests, System.out);
        }
        return report.wasSuccessful() ? 0 : 1;
    }
}
