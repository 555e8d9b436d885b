package io.ampjava.cli.imports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles what amp import wrote as a user's build would: javac with amp-processor, against
 * amp-runtime (both on this test's class path), to classes loaded beside the test's own.
 */
final class Javac {
    private Javac() {}

    /**
     * Compiles every {@code .java} file under {@code sources} into {@code classes}, failing the test with
     * javac's messages if it does not compile; returns a loader of the result that shares amp-runtime
     * with the test.
     */
    static URLClassLoader compile(Path sources, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
        Files.createDirectories(classes);
        StringWriter messages = new StringWriter();
        try (StandardJavaFileManager manager = javac.getStandardFileManager(null, null, null)) {
            List<String> options = new ArrayList<>(List.of("--release", "17", "-Xlint:all,-processing,-serial",
                    "-classpath", System.getProperty("java.class.path"),
                    "-processor", "io.ampjava.processor.AmpProcessor", "-d", classes.toString(),
                    "-s", classes.resolve("generated").toString()));
            Files.createDirectories(classes.resolve("generated"));
            boolean compiled = javac.getTask(messages, manager, null, options, null,
                    manager.getJavaFileObjectsFromPaths(files)).call();
            assertTrue(compiled, "the imported declarations do not compile:\n" + messages);
            assertTrue(messages.toString().isBlank(), "javac warned:\n" + messages);
        }
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, Javac.class.getClassLoader());
    }
}
