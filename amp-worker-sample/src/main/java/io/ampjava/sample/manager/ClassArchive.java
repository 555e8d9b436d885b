package io.ampjava.sample.manager;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A class-data-sharing archive (the JDK's CDS) of the classes a Java worker loads: the JVM maps them
 * from the archive, already parsed and verified, instead of loading them from the jar. The build
 * writes {@code amp-worker.jsa} beside {@code amp-worker.jar} ({@link ClassArchiveTraining}), and the
 * manager gives it to its workers.
 *
 * <p>The JVM checks that the archive was written by this JDK for this very jar (its path, size and
 * time); if not, it says so on the worker's standard output ({@code out.log}) and loads classes as
 * usual. A stale or foreign archive costs speed, never correctness.
 */
public final class ClassArchive {
    private ClassArchive() {}

    /** {@code X.jsa} beside {@code classpath}, when that is one jar {@code X.jar} and the archive exists. */
    public static Optional<Path> besideJar(String classpath) {
        if (classpath == null || classpath.contains(File.pathSeparator) || !classpath.endsWith(".jar")) {
            return Optional.empty();
        }
        Path jar = Path.of(classpath);
        String name = jar.getFileName().toString();
        Path archive = jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".jsa");
        return Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty();
    }

    /** The JVM option that maps {@code archive}. */
    static String useOption(Path archive) {
        return "-XX:SharedArchiveFile=" + archive;
    }

    /** The JVM option that writes, when the JVM exits, an archive of the classes it loaded. */
    static String createOption(Path archive) {
        return "-XX:ArchiveClassesAtExit=" + archive;
    }
}
