package io.ampjava.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * Compiles test sources with the processor, as a user's build would: with every lint warning on,
 * and with the runtime on the classpath.
 *
 * <p>The runtime's argument types are written by other parts of the project; until one is on the
 * test classpath, its stand-in from {@code src/test/resources/stubs} is compiled along, so that
 * generated code can be compile-checked either way.
 */
final class TestCompiler {
    private TestCompiler() {}

    static Compilation compile(JavaFileObject... sources) {
        return compile(List.of(sources));
    }

    static Compilation compile(List<JavaFileObject> sources) {
        List<JavaFileObject> all = new ArrayList<>(sources);
        all.addAll(missingRuntimeStandIns());
        return Compiler.javac()
                .withProcessors(new AmpProcessor())
                .withOptions("-Xlint:all", "-Xlint:-processing", "--release", "17")
                .compile(all);
    }

    /** A source file from a text block. */
    static JavaFileObject source(String qualifiedName, String text) {
        return JavaFileObjects.forSourceString(qualifiedName, text);
    }

    private static List<JavaFileObject> missingRuntimeStandIns() {
        Path stubs = resource("stubs");
        List<JavaFileObject> result = new ArrayList<>();
        try (Stream<Path> files = Files.walk(stubs)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java")).sorted()::iterator) {
                String className = stubs.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
                if (!onClasspath(className)) {
                    result.add(JavaFileObjects.forSourceString(className, Files.readString(file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private static boolean onClasspath(String className) {
        try {
            Class.forName(className, false, TestCompiler.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static Path resource(String name) {
        URL url = TestCompiler.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
