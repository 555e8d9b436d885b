package io.ampjava.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** Compiles sources that must fail, and pins the one error expected: its text, its file and its line. */
final class Diagnostics {
    private Diagnostics() {}

    /** A source of package {@code p}, named after its class. */
    static JavaFileObject file(String simpleName, String text) {
        return TestCompiler.source("p." + simpleName, "package p;\n\n" + IMPORTS + text);
    }

    /**
     * Compiles {@code files}; the first must hold the single error, containing {@code message}, on the
     * line containing {@code line}.
     */
    static Compilation assertSingleError(String message, String line, JavaFileObject... files) {
        return assertSingleError(List.of(), message, line, files);
    }

    /** The same, compiled with more javac options (processor options: {@code -Akey=value}). */
    static Compilation assertSingleError(List<String> options, String message, String line, JavaFileObject... files) {
        Compilation compilation = TestCompiler.compile(List.of(files), options);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(message).inFile(files[0]).onLineContaining(line);
        assertThat(compilation).hadErrorCount(1);
        return compilation;
    }

    /** Like {@link #assertSingleError}, when javac or a cascade adds errors of its own. */
    static Compilation assertError(String message, String line, JavaFileObject... files) {
        Compilation compilation = TestCompiler.compile(new ArrayList<>(List.of(files)));
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(message).inFile(files[0]).onLineContaining(line);
        return compilation;
    }

    private static final String IMPORTS = """
            import io.ampjava.annotations.*;
            import io.ampjava.dispatch.AmpConnection;
            import io.ampjava.types.*;
            import java.util.List;
            import java.util.concurrent.CompletionStage;

            """;
}
