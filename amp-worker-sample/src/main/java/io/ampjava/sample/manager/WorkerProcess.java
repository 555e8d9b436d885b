package io.ampjava.sample.manager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One worker child process wired the way {@code trial -j} wires its workers: the child reads AMP
 * on fd 3 and writes AMP on fd 4, and its standard output and error go to {@code out.log} and
 * {@code err.log} in its directory.
 *
 * <p>{@link ProcessBuilder} can only give a child fds 0 to 2, so the child starts as
 * {@code /bin/sh}, which moves the pipes into place before it {@code exec}s the worker command:
 * the pipe the parent writes ({@link #toWorker()}) becomes fd 3, the pipe the parent reads
 * ({@link #fromWorker()}) becomes fd 4, fd 0 becomes {@code /dev/null} and fd 1 {@code out.log}.
 * The worker command is a shell command line, so {@code --worker-command} can be any command a
 * user would type.
 */
public final class WorkerProcess implements AutoCloseable {
    private static final String PLUMBING = "exec 3<&0 4>&1 0</dev/null 1>\"$1\"\nexec ";

    private final Process process;
    private final Path directory;

    private WorkerProcess(Process process, Path directory) {
        this.process = process;
        this.directory = directory;
    }

    /**
     * Starts {@code command} (a {@code /bin/sh} command line) with its working directory
     * {@code workingDirectory}, its logs in {@code logDirectory} (created if needed) and the
     * environment of this process plus {@code environment}.
     */
    public static WorkerProcess start(String command, Path workingDirectory, Path logDirectory, Map<String, String> environment)
            throws IOException {
        Files.createDirectories(logDirectory);
        Path outLog = logDirectory.resolve("out.log");
        Path errLog = logDirectory.resolve("err.log");
        ProcessBuilder builder = new ProcessBuilder(List.of("/bin/sh", "-c", PLUMBING + command, "amp-worker", outLog.toString()))
                .directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .redirectError(ProcessBuilder.Redirect.to(errLog.toFile()));
        builder.environment().putAll(environment);
        return new WorkerProcess(builder.start(), logDirectory);
    }

    /** What the worker reads on its fd 3. Closing it is how a manager tells a worker to exit. */
    public OutputStream toWorker() {
        return process.getOutputStream();
    }

    /** What the worker writes on its fd 4. */
    public InputStream fromWorker() {
        return process.getInputStream();
    }

    /** Where {@code out.log} and {@code err.log} are. */
    public Path logDirectory() {
        return directory;
    }

    /**
     * Closes the worker's fd 3 and waits up to {@code patience} for it to exit, then kills it.
     *
     * @return the exit code (137 or similar when it had to be killed)
     */
    public int stop(Duration patience) throws InterruptedException {
        closeQuietly(process.getOutputStream());
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        return process.exitValue();
    }

    /** Kills the worker if it still runs and releases the pipes. */
    @Override
    public void close() {
        closeQuietly(process.getOutputStream());
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly(process.getInputStream());
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing a pipe to a dead process may fail; there is nothing left to release.
        }
    }
}
