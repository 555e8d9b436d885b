package io.ampjava.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands and responders compiled apart, as in a library and its user: the processor reads the
 * annotations of compiled classes (they are kept in class files) and the generated command class
 * comes along with them.
 */
class SeparateCompilationTest {
    private static final JavaFileObject SUM = Diagnostics.file("Sum", """
            @AmpCommand
            public interface Sum {
                @Argument long a();
                @Argument long b();

                @Response interface Total { @Argument long total(); }
            }
            """);

    private static final JavaFileObject BASE = Diagnostics.file("BaseCalc", """
            public class BaseCalc {
                @Responder(Sum.class)
                public Sum.Total sum(long a, long b) {
                    return SumCommand.response(a + b);
                }
            }
            """);

    @TempDir
    Path library;

    @Test
    void aCommandFromTheClasspath() throws IOException {
        compileLibrary(List.of("-parameters"), SUM);
        JavaFileObject calc = Diagnostics.file("Calc", """
                public class Calc {
                    @Responder(Sum.class)
                    Sum.Total add(long b, long a) {
                        return SumCommand.response(a + b);
                    }
                }
                """);
        Compilation compilation = TestCompiler.compiler().withClasspath(classpath()).compile(calc);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(locator(compilation)).contains("target.add(arguments.b(), arguments.a())");
    }

    @Test
    void anInheritedResponderCompiledWithParameterNames() throws IOException {
        compileLibrary(List.of("-parameters"), SUM, BASE);
        Compilation compilation = TestCompiler.compiler().withClasspath(classpath()).compile(calc());
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(locator(compilation)).contains("target.sum(arguments.a(), arguments.b())");
    }

    @Test
    void anInheritedResponderCompiledWithoutParameterNames() throws IOException {
        compileLibrary(List.of(), SUM, BASE);
        Compilation compilation = TestCompiler.compiler().withClasspath(classpath()).compile(calc());
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("parameter arg0 of responder sum() matches no argument of Sum (a, b);"
                + " parameters match arguments by name, or take Sum itself, or the AmpConnection (parameter names of"
                + " compiled classes are only known with javac -parameters)");
    }

    private static final JavaFileObject TAG = Diagnostics.file("Tag", """
            public interface Tag {
                @Argument String name();
            }
            """);

    private static final JavaFileObject RETAG = Diagnostics.file("Retag", """
            @AmpCommand
            public interface Retag {
                @Argument List<Tag> tags();
            }
            """);

    @Test
    void anAmpListElementFromALibraryKeepsTheClassCompiledWithIt() throws IOException {
        compileLibrary(List.of(), TAG, Diagnostics.file("Tags", """
                @AmpCommand
                public interface Tags {
                    @Argument List<Tag> tags();
                }
                """));
        assertThat(library.resolve("p/TagElement.class").toFile().isFile()).isTrue();
        Compilation compilation = TestCompiler.compiler().withClasspath(classpath()).compile(RETAG);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation.generatedSourceFile("p.TagElement")).isEmpty();
        assertThat(compilation).generatedSourceFile("p.RetagCommand").contentsAsUtf8String()
                .contains("new AmpListArgument<>(TagElement.CODEC)");
    }

    @Test
    void anAmpListElementCompiledWithoutTheProcessorGetsItsClassWhereItIsUsed() throws IOException {
        Compilation plain = Compiler.javac().withOptions("--release", "17").compile(TAG);
        copyClasses(plain);
        Compilation compilation = TestCompiler.compiler().withClasspath(classpath()).compile(RETAG);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.TagElement");
    }

    /** The generated locator, with line breaks and indentation folded into single spaces. */
    private static String locator(Compilation compilation) throws IOException {
        return compilation.generatedSourceFile("p.CalcLocator").orElseThrow().getCharContent(true).toString()
                .replaceAll("\\s+", " ");
    }

    private static JavaFileObject calc() {
        return Diagnostics.file("Calc", """
                public class Calc extends BaseCalc {
                    @Responder(Ping.class)
                    void ping() {}
                }

                @AmpCommand
                interface Ping {}
                """);
    }

    /** Compiles a "library" with the processor and writes its classes to {@link #library}. */
    private void compileLibrary(List<String> options, JavaFileObject... sources) throws IOException {
        Compilation compilation = TestCompiler.compiler().withOptions(withRelease(options)).compile(sources);
        copyClasses(compilation);
    }

    /** Writes the classes of a successful compilation to {@link #library}. */
    private void copyClasses(Compilation compilation) throws IOException {
        assertThat(compilation).succeeded();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            String path = file.toUri().getPath();
            String relative = path.substring(path.indexOf(StandardLocation.CLASS_OUTPUT.getName())
                    + StandardLocation.CLASS_OUTPUT.getName().length() + 1);
            Path out = library.resolve(relative);
            Files.createDirectories(out.getParent());
            try (InputStream in = file.openInputStream()) {
                Files.copy(in, out);
            }
        }
    }

    private static List<String> withRelease(List<String> options) {
        List<String> all = new ArrayList<>(options);
        all.add("--release");
        all.add("17");
        return all;
    }

    private List<File> classpath() {
        List<File> classpath = new ArrayList<>();
        classpath.add(library.toFile());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classpath.add(new File(entry));
        }
        return classpath;
    }
}
