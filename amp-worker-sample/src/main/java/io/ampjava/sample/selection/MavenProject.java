package io.ampjava.sample.selection;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Maven project's test class path, as Surefire builds it: {@code target/test-classes},
 * {@code target/classes} and the project's dependencies of every scope a test sees (compile,
 * provided, runtime, test, system). The dependencies are resolved by Maven itself, with
 * {@code dependency:build-classpath} (the project's {@code ./mvnw} when it has one, else
 * {@code mvn}), so the project's own repositories, profiles and settings apply.
 *
 * <p>The project must be compiled first ({@code mvn test-compile}): this reads its
 * {@code target/}, it does not build it.
 */
public final class MavenProject {
    /** The dependency plugin run to list the class path, pinned so the result does not drift. */
    static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1";
    private static final long TIMEOUT_MINUTES = 10;

    private final Path directory;

    public MavenProject(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** {@code target/test-classes}: the classes a selection scans. */
    public Path testClasses() {
        return directory.resolve("target/test-classes");
    }

    /**
     * The test class path: test classes, main classes, then the dependencies in Maven's order.
     *
     * @param offline pass {@code -o} to Maven (resolve from the local repository only)
     * @throws IOException when the project has no compiled tests or Maven fails (with its output)
     */
    public List<Path> testClasspath(boolean offline) throws IOException, InterruptedException {
        if (!Files.isRegularFile(directory.resolve("pom.xml"))) {
            throw new IOException(directory + " has no pom.xml");
        }
        if (!Files.isDirectory(testClasses())) {
            throw new IOException(testClasses() + " does not exist: compile the tests first (mvn test-compile)");
        }
        Path listing = Files.createTempFile("amp-worker-classpath", ".txt");
        Path log = Files.createTempFile("amp-worker-maven", ".log");
        try {
            List<String> command = new ArrayList<>();
            command.add(maven());
            command.addAll(List.of("-B", "-q"));
            if (offline) {
                command.add("-o");
            }
            command.addAll(List.of(DEPENDENCY_PLUGIN + ":build-classpath", "-Dmdep.includeScope=test",
                    "-Dmdep.outputFile=" + listing, "-Dmdep.pathSeparator=" + File.pathSeparator));
            Process maven = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!maven.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                maven.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within " + TIMEOUT_MINUTES + " minutes");
            }
            if (maven.exitValue() != 0) {
                throw new IOException("cannot list the test class path of " + directory + ": `" + String.join(" ", command)
                        + "` exited with status " + maven.exitValue() + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            List<Path> classpath = new ArrayList<>(List.of(testClasses()));
            Path mainClasses = directory.resolve("target/classes");
            if (Files.isDirectory(mainClasses)) {
                classpath.add(mainClasses);
            }
            for (String entry : Files.readString(listing, StandardCharsets.UTF_8).trim().split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    classpath.add(Path.of(entry.trim()));
                }
            }
            return classpath;
        } finally {
            Files.deleteIfExists(listing);
            Files.deleteIfExists(log);
        }
    }

    private String maven() {
        Path wrapper = directory.resolve("mvnw");
        return Files.isExecutable(wrapper) ? wrapper.toString() : "mvn";
    }
}
