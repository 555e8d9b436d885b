package io.ampjava.sample.manager;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command that starts a Java worker from the same classes as this manager. */
public final class WorkerCommands {
    /** The class whose {@code main} understands {@code worker}. */
    public static final String MAIN_CLASS = "io.ampjava.sample.WorkerSampleMain";

    private WorkerCommands() {}

    /**
     * {@code java -cp <this JVM's class path> io.ampjava.sample.WorkerSampleMain worker ...}, as a
     * shell command line. The serial collector keeps each worker to one GC thread: with one worker
     * per core, parallel GC threads would only fight over the cores.
     *
     * @param testClasspath where the worker finds the tests, or null for only the bundled ones
     * @param forceGc pass {@code --force-gc}
     */
    public static String javaWorker(String testClasspath, boolean forceGc) {
        List<String> words = new ArrayList<>();
        words.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        words.add("-XX:+UseSerialGC");
        words.add("-cp");
        words.add(System.getProperty("java.class.path"));
        words.add(MAIN_CLASS);
        words.add("worker");
        if (forceGc) {
            words.add("--force-gc");
        }
        if (testClasspath != null) {
            words.add("--classpath");
            words.add(testClasspath);
        }
        return ShellWords.join(words);
    }
}
