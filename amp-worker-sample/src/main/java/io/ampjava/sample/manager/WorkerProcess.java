package io.ampjava.sample.manager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
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
 *
 * <p>A worker that speaks AMP on its standard input and output instead ({@code amp-worker worker
 * --stdio}, or {@code ssh host amp-worker worker --stdio}) is started with {@code stdio}: the
 * shell only {@code exec}s it, with the two pipes as its fds 0 and 1 and no {@code out.log}.
 */
public final class WorkerProcess implements AutoCloseable {
    private static final String PLUMBING = "exec 3<&0 4>&1 0</dev/null 1>\"$1\"\nexec ";
    /** How much of the end of {@code err.log} {@link #lastErrorLines} reads at most. */
    private static final int ERROR_TAIL_BYTES = 16 * 1024;

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
        return start(command, false, workingDirectory, logDirectory, environment);
    }

    /**
     * {@link #start(String, Path, Path, Map)}, for a worker that speaks AMP on fds 3 and 4 or, with
     * {@code stdio}, on its standard input and output.
     */
    public static WorkerProcess start(String command, boolean stdio, Path workingDirectory, Path logDirectory,
            Map<String, String> environment) throws IOException {
        Files.createDirectories(logDirectory);
        Path outLog = logDirectory.resolve("out.log");
        Path errLog = logDirectory.resolve("err.log");
        List<String> shell = stdio
                ? List.of("/bin/sh", "-c", "exec " + command)
                : List.of("/bin/sh", "-c", PLUMBING + command, "amp-worker", outLog.toString());
        ProcessBuilder builder = new ProcessBuilder(shell)
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
     * The last {@code count} lines the worker wrote to its standard error ({@code err.log}), for
     * saying why it died; empty when it wrote nothing.
     */
    public String lastErrorLines(int count) {
        Path errLog = directory.resolve("err.log");
        byte[] tail;
        try (SeekableByteChannel channel = Files.newByteChannel(errLog)) {
            long size = channel.size();
            long start = Math.max(0, size - ERROR_TAIL_BYTES);
            channel.position(start);
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - start));
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // reads until the buffer is full or the file ends
            }
            tail = Arrays.copyOf(buffer.array(), buffer.position());
        } catch (IOException e) {
            return "";
        }
        String text = new String(tail, StandardCharsets.UTF_8);
        List<String> lines = List.of(text.split("\\R"));
        List<String> last = lines.subList(Math.max(0, lines.size() - count), lines.size());
        return last.isEmpty() || (last.size() == 1 && last.get(0).isEmpty()) ? "" : String.join("\n", last) + "\n";
    }

    /** Kills the worker now, without waiting for it to exit; {@link #stop} then returns its status. */
    public void kill() {
        process.destroyForcibly();
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
