package io.ampjava.cli.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Packages the launcher and the class archive beside {@code amp.jar}; the build runs
 * {@code java -cp amp.jar io.ampjava.cli.packaging.ClassArchive amp.jar LAUNCHER} right after the jar.
 *
 * <p>The archive is a static class-data-sharing archive (the JDK's CDS, {@code -Xshare:dump}) of the
 * classes {@link ClassArchiveTraining} loads: the JVM maps them already parsed and verified instead
 * of loading them from the jar. A static archive rather than one written at exit: on JDK 17 only a
 * static one can hold picocli's classes, which are Java 5 class files. The JVM accepts it only for
 * this jar at this path (its real path: the launcher resolves links) and this JDK; otherwise it
 * loads classes as usual, so a stale archive costs speed, never correctness.
 */
public final class ClassArchive {
    private static final long STEP_SECONDS = 300;

    private ClassArchive() {}

    /** Arguments: the jar, and the launcher script to install beside it as {@code amp}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java -cp amp.jar " + ClassArchive.class.getName() + " JAR LAUNCHER");
            System.exit(2);
        }
        Path jar = Path.of(args[0]).toRealPath();
        Path launcher = jar.resolveSibling("amp");
        Files.copy(Path.of(args[1]), launcher, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));

        Path archive = jar.resolveSibling("amp.jsa");
        Path classList = jar.resolveSibling("amp.classlist");
        Path written = jar.resolveSibling("amp.jsa.tmp");
        Files.deleteIfExists(archive);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Twice, as the launcher runs commands: with jnr's generated stubs (long-running commands)
        // and with its reflective ones (short commands), which load other classes.
        Set<String> classes = new LinkedHashSet<>();
        for (boolean generatedStubs : new boolean[] {true, false}) {
            run(List.of(java, "-XX:DumpLoadedClassList=" + classList, "-Djnr.ffi.asm.enabled=" + generatedStubs,
                    "-cp", jar.toString(), ClassArchiveTraining.class.getName()), "the training run");
            classes.addAll(Files.readAllLines(classList));
        }
        Files.write(classList, classes);
        run(List.of(java, "-Xshare:dump", "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + written,
                "-cp", jar.toString()), "the archive dump");
        Files.move(written, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.delete(classList);
        System.out.println("amp: wrote " + launcher + " and " + archive + " (" + Files.size(archive) / 1024 + " KiB)");
    }

    private static void run(List<String> command, String what) throws IOException, InterruptedException {
        Path log = Files.createTempFile("amp-class-archive", ".log");
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(STEP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(what + " took over " + STEP_SECONDS + " s: " + String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                throw new IOException(what + " failed (" + process.exitValue() + "): " + String.join(" ", command)
                        + "\n" + Files.readString(log));
            }
        } finally {
            Files.delete(log);
        }
    }
}
