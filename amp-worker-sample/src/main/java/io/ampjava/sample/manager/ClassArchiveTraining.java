package io.ampjava.sample.manager;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes the {@link ClassArchive} for the jar it runs from: the build runs {@code java -cp
 * amp-worker.jar io.ampjava.sample.manager.ClassArchiveTraining amp-worker.jsa} right after packaging
 * the jar.
 *
 * <p>It runs {@code DemoTest}'s five tests on one worker started with
 * {@code -XX:ArchiveClassesAtExit}, so the archive holds what a worker loads to start up, run tests
 * through JUnit and report each kind of result. The worker writes the archive as it exits; it is
 * moved into place only if every test gave the result {@code DemoTest} is written to give, so the
 * build fails rather than ship an archive of a broken run.
 */
public final class ClassArchiveTraining {
    private static final String DEMO = "io.ampjava.sample.demo.DemoTest#";

    /** The tests it runs, and the result each gives. */
    private static final Map<String, ResultKind> EXPECTED = Map.of(
            DEMO + "passes", ResultKind.SUCCESS,
            DEMO + "printsOutput", ResultKind.SUCCESS,
            DEMO + "failsAssertion", ResultKind.FAILURE,
            DEMO + "throwsError", ResultKind.ERROR,
            DEMO + "isSkipped", ResultKind.SKIP);

    private ClassArchiveTraining() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: java -cp amp-worker.jar " + ClassArchiveTraining.class.getName() + " ARCHIVE");
            System.exit(2);
        }
        Path archive = Path.of(args[0]).toAbsolutePath();
        Path written = archive.resolveSibling(archive.getFileName() + ".tmp");
        Files.deleteIfExists(written);
        Path temp = Files.createTempDirectory("amp-worker-class-archive");
        RunReport report;
        try {
            String command = WorkerCommands.javaWorker(System.getProperty("java.class.path"),
                    List.of(ClassArchive.createOption(written)), null, false);
            RunSettings settings = new RunSettings(1, command, temp, Path.of(""), Map.of());
            report = DistributedRun.run(settings, List.copyOf(EXPECTED.keySet()), new PrintStream(OutputStream.nullOutputStream()));
        } finally {
            deleteTree(temp);
        }
        Map<ResultKind, Integer> expected = new EnumMap<>(ResultKind.class);
        for (ResultKind kind : ResultKind.values()) {
            expected.put(kind, 0);
        }
        EXPECTED.values().forEach(kind -> expected.merge(kind, 1, Integer::sum));
        boolean archived = Files.isRegularFile(written);
        if (!report.problems().isEmpty() || !report.counts().equals(expected) || !archived) {
            Files.deleteIfExists(written);
            System.err.println("class archive training failed: expected " + expected + ", got " + report.counts()
                    + (report.problems().isEmpty() ? "" : "; problems: " + report.problems())
                    + (archived ? "" : "; the worker wrote no archive"));
            System.exit(1);
        }
        Files.move(written, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("amp-worker: wrote " + archive + " (" + Files.size(archive) / 1024 + " KiB)");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
