package io.ampjava.conformance.exhaustion;

import static org.junit.jupiter.api.Assertions.fail;

import io.ampjava.conformance.interop.InteropPaths;
import io.ampjava.conformance.interop.LogFiles;
import io.ampjava.testing.Prerequisites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The conformance peer ({@code amp-peer.jar serve}) in a JVM of its own with small limits: a small
 * heap, and {@code prlimit} bounds on its threads ({@code --nproc}) and descriptors
 * ({@code --nofile}). It runs as an unprivileged user of its own ({@code setpriv}), because the
 * kernel does not enforce {@code RLIMIT_NPROC} for root, and a uid nobody else uses makes the
 * thread limit count this server's threads only.
 *
 * <p>It is measured from outside, as an operator would: descriptors in {@code /proc/PID/fd},
 * threads and resident memory in {@code /proc/PID/status}, and the heap after a full collection
 * with the live instances of a few classes from {@code jcmd PID GC.class_histogram}.
 */
final class ServerUnderAttack implements AutoCloseable {
    /** The limits the server starts under. */
    record Limits(int heapMiB, int threads, int descriptors) {
        static Limits of(int heapMiB, int threads, int descriptors) {
            return new Limits(heapMiB, threads, descriptors);
        }
    }

    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final long READY_SECONDS = 30;
    private static final int FIRST_UID = 62_000;
    private static final int UIDS = 3_000;

    private final String name;
    private final Process process;
    private final Path dir;
    private final Path stderr;
    private final Path socket;
    private final int uid;
    private final Path gcLog;

    private ServerUnderAttack(String name, Process process, Path dir, Path stderr, Path socket, int uid) {
        this.name = name;
        this.process = process;
        this.dir = dir;
        this.stderr = stderr;
        this.socket = socket;
        this.uid = uid;
        this.gcLog = dir.resolve("gc.log");
    }

    /**
     * Starts the peer serving a Unix socket in a fresh directory, with {@code serveOptions} after
     * {@code serve --unix PATH}, and returns once it printed READY. Skips the test (fails it under
     * {@code CI=true}) when this is not root or prlimit, setpriv or jcmd is missing.
     */
    static ServerUnderAttack start(String name, Limits limits, String... serveOptions) throws IOException {
        requirePrerequisites();
        int uid = unusedUid();
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "amp-attack-");
        // The server's user must create its socket here and read the jar, wherever the build lives.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setAttribute(dir, "unix:uid", uid);
        Path jar = dir.resolve("amp-peer.jar");
        Files.copy(InteropPaths.peerJar(), jar, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        Path socket = dir.resolve("peer.sock");
        Path logs = Files.createDirectories(InteropPaths.logDir().resolve("exhaustion"));
        Path stdout = logs.resolve(name + ".out");
        Path stderr = logs.resolve(name + ".err");
        Path gcLog = dir.resolve("gc.log");
        // ExitOnOutOfMemoryError: a heap ever exhausted ends the server, which the test sees (a
        // thread that cannot start is another OutOfMemoryError, which does not end it).
        List<String> command = new ArrayList<>(List.of(PRLIMIT.toString(), "--nproc=" + limits.threads(),
                "--nofile=" + limits.descriptors(), "--", SETPRIV.toString(), "--reuid=" + uid, "--regid=" + uid,
                "--clear-groups", InteropPaths.java(), "-Xmx" + limits.heapMiB() + "m", "-XX:+ExitOnOutOfMemoryError",
                "-Xlog:gc:file=" + gcLog, "-Djava.io.tmpdir=" + dir, "-jar", jar.toString(), "serve", "--unix",
                socket.toString()));
        command.addAll(List.of(serveOptions));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        ServerUnderAttack server = new ServerUnderAttack(name, process, dir, stderr, socket, uid);
        try {
            server.awaitReady(stdout);
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static void requirePrerequisites() {
        Prerequisites.require("root".equals(System.getProperty("user.name")),
                "the attack tests run the server as another user with setpriv and a thread limit that root"
                        + " escapes: run them as root");
        Prerequisites.require(Files.isExecutable(PRLIMIT) && Files.isExecutable(SETPRIV),
                PRLIMIT + " and " + SETPRIV + " are needed: apt-get install -y util-linux");
        Prerequisites.require(Files.isExecutable(jcmd()), jcmd() + " is needed: run the tests on a JDK");
        Prerequisites.require(Files.isRegularFile(InteropPaths.peerJar()),
                InteropPaths.peerJar() + " is missing: run `mvn package` first");
    }

    /** A uid no process runs as now, so that the thread limit counts this server's threads only. */
    private static int unusedUid() throws IOException {
        List<Integer> taken = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path entry : (Iterable<Path>) processes::iterator) {
                if (entry.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    realUid(entry.resolve("status")).ifPresent(taken::add);
                }
            }
        }
        int start = (int) (ProcessHandle.current().pid() % UIDS);
        for (int i = 0; i < UIDS; i++) {
            int uid = FIRST_UID + (start + i) % UIDS;
            if (!taken.contains(uid)) {
                return uid;
            }
        }
        return fail("every uid from " + FIRST_UID + " is in use");
    }

    private static java.util.Optional<Integer> realUid(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("Uid:")) {
                    return java.util.Optional.of(Integer.parseInt(line.split("\\s+")[1]));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended meanwhile
        }
        return java.util.Optional.empty();
    }

    private void awaitReady(Path stdout) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        while (System.nanoTime() < deadline) {
            String out = LogFiles.read(stdout);
            if (out.startsWith("READY ") && out.contains("\n")) {
                return;
            }
            if (!process.isAlive()) {
                fail(name + " exited with " + process.exitValue() + " before READY: " + out + "\n" + log());
            }
            Recovery.sleep(20);
        }
        fail(name + " printed no READY within " + READY_SECONDS + " s:\n" + log());
    }

    Path socket() {
        return socket;
    }

    long pid() {
        return process.pid();
    }

    /** The uid the server runs as. */
    int uid() {
        return uid;
    }

    /** Open descriptors, from {@code /proc/PID/fd}. */
    int descriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid()), "fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(name + " is gone: " + log(), e);
        }
    }

    /** Threads, from {@code /proc/PID/status}. */
    int threads() {
        return (int) statusField("Threads:");
    }

    /** Resident memory in KiB, from {@code /proc/PID/status}. */
    long residentKiB() {
        return statusField("VmRSS:");
    }

    private long statusField(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).strip().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + " is gone: " + log(), e);
        }
        return fail("no " + field + " in the status of " + name);
    }

    /**
     * The heap after a full collection and the live instances of the classes that hold a
     * connection's memory, from {@code jcmd PID GC.class_histogram} (which collects first).
     */
    Heap heap() {
        String histogram = jcmd("GC.class_histogram");
        return Heap.parse(histogram);
    }

    /** Everything measured at once. */
    Footprint footprint() {
        Heap heap = heap();
        return new Footprint(descriptors(), threads(), residentKiB(), heap);
    }

    /** Runs {@code jcmd PID command} and returns its output; fails the test if it fails. */
    String jcmd(String command) {
        try {
            Process jcmd = new ProcessBuilder(jcmd().toString(), Long.toString(pid()), command)
                    .redirectErrorStream(true).start();
            jcmd.getOutputStream().close();
            byte[] output = jcmd.getInputStream().readAllBytes();
            if (!jcmd.waitFor(30, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                jcmd.destroyForcibly();
                fail("jcmd " + pid() + " " + command + " failed: " + new String(output, StandardCharsets.UTF_8));
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path jcmd() {
        return Path.of(System.getProperty("java.home"), "bin", "jcmd");
    }

    /**
     * The most the heap held after any collection so far, in MiB, from the server's GC log
     * ({@code -Xlog:gc}: "Pause Young (Normal) (G1 Evacuation Pause) 60M->31M(128M)"): what the
     * live data came to at its peak, give or take what the collections missed.
     */
    long peakHeapAfterGcMiB() {
        Matcher pause = Pattern.compile("->(\\d+)M\\(").matcher(LogFiles.read(gcLog));
        long peak = 0;
        while (pause.find()) {
            peak = Math.max(peak, Long.parseLong(pause.group(1)));
        }
        return peak;
    }

    /** The server's log (its standard error) so far. */
    String log() {
        return LogFiles.read(stderr);
    }

    /** Fails unless the server still runs. */
    void assertAlive() {
        if (!process.isAlive()) {
            fail(name + " exited with " + process.exitValue() + ":\n" + tail(log()));
        }
    }

    @Override
    public void close() {
        try {
            Files.copy(gcLog, stderr.resolveSibling(name + ".gc.log"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException ignored) {
            // no collection log to keep
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is not worth failing a test for
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ", uid " + uid + ")";
    }

    static String tail(String text) {
        return LogFiles.tail(text);
    }
}
