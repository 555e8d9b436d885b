package io.ampjava.processor;

import static com.google.common.truth.Truth.assertThat;
import static io.ampjava.processor.Diagnostics.assertSingleError;
import static io.ampjava.processor.Diagnostics.file;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** What the Python module of {@code -Aamp.python.modules} cannot express is an error on the element to change. */
class PythonExportDiagnosticsTest {
    private static final List<String> EXPORT_P = List.of("-Aamp.python.modules=p=p_commands");

    @Test
    void aCustomTypeHasNoPythonCounterpart() {
        assertSingleError(EXPORT_P, "command Bad cannot go into the Python module p_commands (-Aamp.python.modules"
                + " exports p): the custom type Upper of text() has no Python counterpart", "String text()",
                file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument(type = Upper.class) String text();

                    final class Upper implements ArgumentType<String> {
                        public static final Upper INSTANCE = new Upper();
                        public byte[] toWire(String value, ArgumentContext context) { return null; }
                        public String fromWire(byte[] wire, ArgumentContext context) { return null; }
                    }
                }
                """));
    }

    @Test
    void aCustomTypeIsFineInAPackageNotExported() {
        Compilation compilation = TestCompiler.compile(List.of(file("Fine", """
                @AmpCommand
                public interface Fine {
                    @Argument(type = Upper.class) String text();

                    final class Upper implements ArgumentType<String> {
                        public static final Upper INSTANCE = new Upper();
                        public byte[] toWire(String value, ArgumentContext context) { return null; }
                        public String fromWire(byte[] wire, ArgumentContext context) { return null; }
                    }
                }
                """)), List.of("-Aamp.python.modules=q=q_commands"));
        assertThat(compilation.errors()).isEmpty();
    }

    @Test
    void aCustomTypeDeepInAnAmpListIsFound() {
        assertSingleError(EXPORT_P, "the custom type Upper of label() has no Python counterpart", "String label()",
                file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument List<Item> items();

                    interface Item {
                        @Argument(type = Upper.class) String label();
                    }

                    final class Upper implements ArgumentType<String> {
                        public static final Upper INSTANCE = new Upper();
                        public byte[] toWire(String value, ArgumentContext context) { return null; }
                        public String fromWire(byte[] wire, ArgumentContext context) { return null; }
                    }
                }
                """));
    }

    @Test
    void twoExceptionsCannotShareAPythonName() {
        assertSingleError(EXPORT_P, "the exception p.Bad.Late of error LATE would be the Python class Quota of Python"
                + " module p_commands (-Aamp.python.modules exports p), a name taken by p.Bad.Full: choose another"
                + " with @AmpError(pythonName = \"...\")", "@AmpCommand", file("Bad", """
                public interface Bad {
                    @AmpCommand(errors = {
                        @AmpError(code = "FULL", exception = Full.class, pythonName = "Quota"),
                        @AmpError(code = "LATE", exception = Late.class, pythonName = "Quota")})
                    interface Send {}

                    class Full extends RuntimeException {
                        private static final long serialVersionUID = 1L;
                        public Full(String message) { super(message); }
                    }

                    class Late extends RuntimeException {
                        private static final long serialVersionUID = 1L;
                        public Late(String message) { super(message); }
                    }
                }
                """));
    }

    @Test
    void twoErrorsCannotShareABuiltInPythonException() {
        assertSingleError(EXPORT_P, "the exceptions of errors A and B would both be the Python class ValueError of"
                + " Python module p_commands (-Aamp.python.modules exports p): choose another with"
                + " @AmpError(pythonName = \"...\")", "@AmpCommand", file("Bad", """
                public interface Bad {
                    @AmpCommand(errors = {
                        @AmpError(code = "A", exception = IllegalArgumentException.class),
                        @AmpError(code = "B", exception = Late.class, pythonName = "ValueError")})
                    interface Send {}

                    class Late extends RuntimeException {
                        private static final long serialVersionUID = 1L;
                        public Late(String message) { super(message); }
                    }
                }
                """));
    }

    @Test
    void aCommandCannotTakeTheNameOfTheLargeValueClasses() {
        assertSingleError(EXPORT_P, "command p.LargeString would be the class LargeString of Python module p_commands"
                + " (-Aamp.python.modules exports p), a name taken already", "@AmpCommand", file("LargeString", """
                @AmpCommand
                public interface LargeString {}
                """));
    }

    @Test
    void anExceptionNamedLikeACommandIsRefused() {
        assertSingleError(EXPORT_P, "the exception java.lang.IllegalStateException of error PONG would be the Python"
                + " class Pong", "@AmpCommand", file("Pong", """
                @AmpCommand(errors = @AmpError(code = "PONG", exception = IllegalStateException.class, pythonName = "Pong"))
                public interface Pong {}
                """));
    }

    @Test
    void aPythonNameMustBeAnIdentifier() {
        assertSingleError("pythonName \"not-a-name\" of error FULL is not a Python class name: give an identifier of"
                + " ASCII letters, digits and _ that is not a keyword, such as \"IllegalStateError\"", "@AmpError",
                file("Bad", """
                @AmpCommand(errors =
                    @AmpError(code = "FULL", exception = IllegalStateException.class, pythonName = "not-a-name"))
                public interface Bad {}
                """));
    }

    @Test
    void aMalformedOptionIsAnError() {
        Compilation compilation = TestCompiler.compile(List.of(file("Fine", """
                @AmpCommand
                public interface Fine {}
                """)), List.of("-Aamp.python.modules=p"));
        assertThat(compilation.errors()).hasSize(1);
        assertThat(compilation.errors().get(0).getMessage(null)).isEqualTo("-Aamp.python.modules: \"p\" is not"
                + " package=module, as in com.example.calc=calc_commands (a Java package, then a Python module name)");
        assertThat(compilation.errors().get(0).getKind()).isEqualTo(Diagnostic.Kind.ERROR);
    }
}
