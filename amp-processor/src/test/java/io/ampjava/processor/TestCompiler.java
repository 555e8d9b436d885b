package io.ampjava.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * Compiles test sources with the processor, as a user's build would: with every lint warning on,
 * and with the runtime on the classpath, so that generated code is compile-checked against it.
 */
final class TestCompiler {
    private TestCompiler() {}

    static Compilation compile(JavaFileObject... sources) {
        return compile(List.of(sources));
    }

    static Compilation compile(List<JavaFileObject> sources) {
        return compile(sources, List.of());
    }

    /** The same, with more javac options (processor options: {@code -Akey=value}). */
    static Compilation compile(List<JavaFileObject> sources, List<String> options) {
        List<String> all = new ArrayList<>(List.of("-Xlint:all", "-Xlint:-processing", "--release", "17"));
        all.addAll(options);
        return compiler().withOptions(all).compile(sources);
    }

    /** javac with the processor, for tests that set their own options or classpath. */
    static Compiler compiler() {
        return Compiler.javac().withProcessors(new AmpProcessor());
    }

    /** A source file from a text block. */
    static JavaFileObject source(String qualifiedName, String text) {
        return JavaFileObjects.forSourceString(qualifiedName, text);
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
