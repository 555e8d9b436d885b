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
     */
    public static String javaWorker(String testClasspath, boolean forceGc) {
        String classpath = System.getProperty("java.class.path");
        List<String> archive = ClassArchive.besideJar(classpath)
                .map(path -> List.of(ClassArchive.useOption(path)))
                .orElse(List.of());
        return javaWorker(classpath, archive, testClasspath, forceGc);
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
     * The options every Java worker gets:
     *
     * <ul>
     *   <li>the serial collector: one GC thread, none to fight over the cores with the other workers;
     *   <li>the C2 thresholds (invocations, loop back-edges) {@link #C2_THRESHOLD_SCALE} times
     *       HotSpot's defaults (5,000, 600, 15,000 and 40,000). C1 still compiles as usual.
     * </ul>
     */
    static List<String> jvmOptions() {
        return List.of(
                "-XX:+UseSerialGC",
                "-XX:Tier4InvocationThreshold=" + 5_000 * C2_THRESHOLD_SCALE,
                "-XX:Tier4MinInvocationThreshold=" + 600 * C2_THRESHOLD_SCALE,
                "-XX:Tier4CompileThreshold=" + 15_000 * C2_THRESHOLD_SCALE,
                "-XX:Tier4BackEdgeThreshold=" + 40_000 * C2_THRESHOLD_SCALE);
    }
}
