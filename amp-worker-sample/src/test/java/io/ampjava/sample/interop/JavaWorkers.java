package io.ampjava.sample.interop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a Java worker built from this test JVM's class path (main and test classes). */
final class JavaWorkers {
    private JavaWorkers() {}

    static List<String> command(String... options) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-Damp.sample.fixtures=on",
                "-cp", System.getProperty("java.class.path"),
                "io.ampjava.sample.WorkerSampleMain", "worker"));
        command.addAll(List.of(options));
        return command;
    }
}
