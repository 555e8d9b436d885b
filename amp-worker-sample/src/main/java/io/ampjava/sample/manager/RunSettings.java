package io.ampjava.sample.manager;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a distributed run needs to know.
 *
 * @param jobs how many workers (at least 1)
 * @param workerCommand the worker command, a {@code /bin/sh} command line; {@code {index}} in it
 *     becomes the worker's index and {@code {host}} its host
 * @param tempDirectory where {@code test.log} and each worker's directory {@code <n>/} go
 * @param workingDirectory where the workers start (before {@code Start} moves them)
 * @param environment variables added to the workers' environment
 * @param hosts the hosts workers are spread over, worker {@code i} on {@code hosts[i % size]};
 *     empty for workers on this machine
 * @param stdio whether the worker command speaks AMP on its standard input and output (as
 *     {@code amp-worker worker --stdio} does, also through {@code ssh}) instead of fds 3 and 4
 * @param testTimeout how long one {@code Run} may take before its test is an error and its worker
 *     is replaced; empty for no limit
 * @param exitFirst stop handing out tests after the first failure or error (trial's
 *     {@code --exitfirst})
 * @param slowest how many of the slowest tests the summary lists (0: none)
 * @param testClasses where the manager finds the test classes, to check by hash that each worker
 *     runs the same class bytes; null to check nothing
 */
public record RunSettings(
        int jobs,
        String workerCommand,
        Path tempDirectory,
        Path workingDirectory,
        Map<String, String> environment,
        List<String> hosts,
        boolean stdio,
        Optional<Duration> testTimeout,
        boolean exitFirst,
        int slowest,
        ClassLoader testClasses) {
    public RunSettings {
        if (jobs < 1) {
            throw new IllegalArgumentException("need at least one worker, got " + jobs);
        }
        Objects.requireNonNull(workerCommand, "workerCommand");
        tempDirectory = tempDirectory.toAbsolutePath();
        workingDirectory = workingDirectory.toAbsolutePath();
        environment = Map.copyOf(environment);
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(testTimeout, "testTimeout");
        if (slowest < 0) {
            throw new IllegalArgumentException("slowest must not be negative, got " + slowest);
        }
    }

    /** Local workers on fds 3 and 4, no limits, no checks: the settings of a plain trial run. */
    public RunSettings(int jobs, String workerCommand, Path tempDirectory, Path workingDirectory,
            Map<String, String> environment) {
        this(jobs, workerCommand, tempDirectory, workingDirectory, environment, List.of(), false, Optional.empty(),
                false, 0, null);
    }

    /** The host of worker {@code index}, or empty when workers run on this machine. */
    public String host(int index) {
        return hosts.isEmpty() ? "" : hosts.get(index % hosts.size());
    }

    /** The command that starts worker {@code index}: {@code {index}} and {@code {host}} filled in. */
    public String workerCommand(int index) {
        return workerCommand.replace("{index}", Integer.toString(index)).replace("{host}", ShellWords.quote(host(index)));
    }

    public RunSettings withTestTimeout(Optional<Duration> testTimeout) {
        return new RunSettings(jobs, workerCommand, tempDirectory, workingDirectory, environment, hosts, stdio,
                testTimeout, exitFirst, slowest, testClasses);
    }

    public RunSettings withTestClasses(ClassLoader testClasses) {
        return new RunSettings(jobs, workerCommand, tempDirectory, workingDirectory, environment, hosts, stdio,
                testTimeout, exitFirst, slowest, testClasses);
    }
}
