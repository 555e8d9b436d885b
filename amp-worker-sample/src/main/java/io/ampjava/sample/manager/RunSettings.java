package io.ampjava.sample.manager;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What a distributed run needs to know.
 *
 * @param jobs how many workers (at least 1)
 * @param workerCommand the worker command, a {@code /bin/sh} command line
 * @param tempDirectory where {@code test.log} and each worker's directory {@code <n>/} go
 * @param workingDirectory where the workers start (before {@code Start} moves them)
 * @param environment variables added to the workers' environment
 */
public record RunSettings(
        int jobs,
        String workerCommand,
        Path tempDirectory,
        Path workingDirectory,
        Map<String, String> environment) {
    public RunSettings {
        if (jobs < 1) {
            throw new IllegalArgumentException("need at least one worker, got " + jobs);
        }
        Objects.requireNonNull(workerCommand, "workerCommand");
        tempDirectory = tempDirectory.toAbsolutePath();
        workingDirectory = workingDirectory.toAbsolutePath();
        environment = Map.copyOf(environment);
    }
}
