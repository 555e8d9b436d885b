package io.ampjava.sample.manager;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that starts a Java worker from the same classes as this manager, with JVM options
 * chosen for what a worker is: a JVM that lives for one run, shares the machine's cores with other
 * workers, and runs many different pieces of code a few thousand times each.
 */
public final class WorkerCommands {
    /**
     * The worker's own entry point: {@code amp-worker.jar worker} without the command-line parser,
     * whose loading cost every worker 0.1 s.
     */
    private static final String MAIN_CLASS = "io.ampjava.sample.cli.WorkerMain";

    /**
     * How many times later than HotSpot's defaults a worker hands a method to C2, the optimizing
     * compiler. With HotSpot's defaults, a worker spends more CPU compiling lukewarm code (JUnit's
     * annotation scanning, {@code BigInteger.multiply} for a test that takes 0.2 s) than running it,
     * and with one worker per core that CPU is taken from the other worker. Hot loops still reach C2
     * within milliseconds. Measured in {@code docs/worker-sample.md}.
     */
    static final int C2_THRESHOLD_SCALE = 30;

    private WorkerCommands() {}

    /**
     * {@code java <worker JVM options> -cp <this JVM's class path> io.ampjava.sample.cli.WorkerMain
     * ...}, as a shell command line. Uses the class archive beside this jar when there is one
     * ({@link ClassArchive#besideJar}).
     *
     * @param testClasspath where the worker finds the tests, or null for only the bundled ones
     * @param forceGc pass {@code --force-gc}
     * @param extraJvmOptions the user's JVM options, after the worker's own
     */
    public static String javaWorker(String testClasspath, boolean forceGc, List<String> extraJvmOptions) {
        String classpath = System.getProperty("java.class.path");
        List<String> options = new ArrayList<>();
        ClassArchive.besideJar(classpath).ifPresent(path -> options.add(ClassArchive.useOption(path)));
        options.addAll(extraJvmOptions);
        return javaWorker(classpath, options, testClasspath, forceGc);
    }

    /**
     * The worker command with {@code archiveOptions} (to use or to create a class archive) among the
     * JVM options.
     */
    static String javaWorker(String classpath, List<String> archiveOptions, String testClasspath, boolean forceGc) {
        List<String> words = new ArrayList<>();
        words.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        words.addAll(jvmOptions());
        words.addAll(archiveOptions);
        words.add("-cp");
        words.add(classpath);
        words.add(MAIN_CLASS);
        if (forceGc) {
            words.add("--force-gc");
        }
        if (testClasspath != null) {
            words.add("--classpath");
            words.add(testClasspath);
        }
        return ShellWords.join(words);
    }

    /**
     * The command another host runs for a worker on its standard streams: {@code java} (found on
     * that host's PATH unless {@code java} names another), the worker's JVM options, this jar and
     * the test class path at the same absolute paths as here, and {@code --stdio}. The JVM is told
     * to write its own messages (warnings, a stale class archive) to standard error, since its
     * standard output is the manager's stream until the worker takes it over.
     */
    public static String remoteJavaWorker(String java, String testClasspath, boolean forceGc, List<String> extraJvmOptions) {
        String classpath = absolute(System.getProperty("java.class.path"));
        List<String> words = new ArrayList<>();
        words.add(java);
        words.addAll(jvmOptions());
        words.addAll(List.of("-Xlog:disable", "-Xlog:all=warning:stderr"));
        ClassArchive.besideJar(classpath).ifPresent(path -> words.add(ClassArchive.useOption(path)));
        words.addAll(extraJvmOptions);
        words.add("-cp");
        words.add(classpath);
        words.add(MAIN_CLASS);
        words.add("--stdio");
        if (forceGc) {
            words.add("--force-gc");
        }
        if (testClasspath != null) {
            words.add("--classpath");
            words.add(absolute(testClasspath));
        }
        return ShellWords.join(words);
    }

    /**
     * {@code ssh -T <sshOptions> -o BatchMode=yes -o ServerAliveInterval=10 -o ServerAliveCountMax=3
     * {host} <remoteCommand>}: a worker on {@code {host}} over the user's own ssh. The user's
     * options come first, so their {@code -o} settings win over these three: no password prompt
     * (standard input is the protocol), and a host that stops answering is given up after about
     * 30 seconds, so its test runs elsewhere.
     */
    public static String sshWorker(List<String> sshOptions, String remoteCommand) {
        List<String> words = new ArrayList<>();
        words.add("ssh");
        words.add("-T");
        words.addAll(sshOptions);
        words.addAll(List.of("-o", "BatchMode=yes", "-o", "ServerAliveInterval=10", "-o", "ServerAliveCountMax=3"));
        return ShellWords.join(words) + " {host} " + ShellWords.quote(remoteCommand);
    }

    private static String absolute(String classpath) {
        List<String> entries = new ArrayList<>();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /**
     * The options every Java worker gets:
     *
     * <ul>
     *   <li>the serial collector: one GC thread, none to fight over the cores with the other workers;
     *   <li>the C2 thresholds (invocations, loop back-edges) {@link #C2_THRESHOLD_SCALE} times
     *       HotSpot's defaults (5,000, 600, 15,000 and 40,000). C1 still compiles as usual;
     *   <li>the JVM's own messages (a crash report, {@code -XX:+ExitOnOutOfMemoryError}'s) on
     *       standard error, which the manager quotes when it reports a lost worker.
     * </ul>
     */
    static List<String> jvmOptions() {
        return List.of(
                "-XX:+UseSerialGC",
                "-XX:+DisplayVMOutputToStderr",
                "-XX:Tier4InvocationThreshold=" + 5_000 * C2_THRESHOLD_SCALE,
                "-XX:Tier4MinInvocationThreshold=" + 600 * C2_THRESHOLD_SCALE,
                "-XX:Tier4CompileThreshold=" + 15_000 * C2_THRESHOLD_SCALE,
                "-XX:Tier4BackEdgeThreshold=" + 40_000 * C2_THRESHOLD_SCALE);
    }
}
