package io.ampjava.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.ampjava.processor.Diagnostics.assertSingleError;
import static io.ampjava.processor.Diagnostics.file;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Each {@code @Responder} that does not fit its command: one error, on the method or parameter. */
class ResponderDiagnosticsTest {
    private static final JavaFileObject DIVIDE = file("Divide", """
            @AmpCommand
            public interface Divide {
                @Argument long numerator();
                @Argument long denominator();

                @Response interface Result { @Argument double result(); }
            }
            """);

    private static final JavaFileObject PING = file("Ping", """
            @AmpCommand
            public interface Ping {}
            """);

    @Test
    void responderForAClassThatIsNotACommand() {
        assertSingleError("@Responder(String.class) must name an @AmpCommand interface, and String is not one",
                "@Responder", file("Calc", """
                public class Calc {
                    @Responder(String.class)
                    void nothing() {}
                }
                """));
    }

    @Test
    void parameterThatMatchesNoArgument() {
        assertSingleError("parameter divisor of responder divide() matches no argument of Divide (numerator, denominator)",
                "long divisor", file("Calc", """
                public class Calc {
                    @Responder(Divide.class)
                    Divide.Result divide(long numerator,
                            long divisor) {
                        return null;
                    }
                }
                """), DIVIDE);
    }

    @Test
    void locatorNamedLikeAClassOfTheUser() {
        assertSingleError("the locator generated for p.Calc would be named p.CalcLocator, like your class p.CalcLocator:"
                + " rename one of the two classes", "class Calc", file("Calc", """
                public class Calc {
                    @Responder(Ping.class)
                    void ping() {}
                }
                """), PING, file("CalcLocator", """
                public class CalcLocator {}
                """));
    }

    @Test
    void primitiveParameterForAnOptionalArgument() {
        assertSingleError("parameter limit of responder page() is int, but argument limit of Page is optional, so it is"
                + " null when absent: take java.lang.Integer instead", "int limit", file("Calc", """
                public class Calc {
                    @Responder(Page.class)
                    void page(String cursor,
                            int limit) {}
                }
                """), file("Page", """
                @AmpCommand
                public interface Page {
                    @Argument String cursor();
                    @Argument(optional = true) Integer limit();
                }
                """));
    }

    @Test
    void parameterOfAnotherType() {
        assertSingleError("parameter numerator of responder divide() is java.lang.String, but argument numerator of"
                + " Divide is long", "String numerator", file("Calc", """
                public class Calc {
                    @Responder(Divide.class)
                    Divide.Result divide(String numerator) {
                        return null;
                    }
                }
                """), DIVIDE);
    }

    @Test
    void connectionTwice() {
        assertSingleError("responder divide() takes the AmpConnection twice", "AmpConnection second", file("Calc", """
                public class Calc {
                    @Responder(Divide.class)
                    Divide.Result divide(AmpConnection first,
                            AmpConnection second) {
                        return null;
                    }
                }
                """), DIVIDE);
    }

    @Test
    void returnTypeThatIsNotTheResponse() {
        assertSingleError("responder divide() must return p.Divide.Result or CompletionStage<p.Divide.Result>, the"
                + " response of Divide; it returns double", "double divide", file("Calc", """
                public class Calc {
                    @Responder(Divide.class)
                    double divide(long numerator, long denominator) {
                        return 0;
                    }
                }
                """), DIVIDE);
    }

    @Test
    void voidForACommandWithAResponse() {
        assertSingleError("responder divide() must return p.Divide.Result", "void divide", file("Calc", """
                public class Calc {
                    @Responder(Divide.class)
                    void divide() {}
                }
                """), DIVIDE);
    }

    @Test
    void stageOfTheWrongType() {
        assertSingleError("it returns java.util.concurrent.CompletionStage<java.lang.Double>", "CompletionStage<Double>",
                file("Calc", """
                public class Calc {
                    @Responder(Divide.class)
                    CompletionStage<Double> divide() {
                        return null;
                    }
                }
                """), DIVIDE);
    }

    @Test
    void valueForACommandWithoutResponse() {
        assertSingleError("responder ping() must return void or CompletionStage<Void>: Ping has no @Response",
                "String ping", file("Calc", """
                public class Calc {
                    @Responder(Ping.class)
                    String ping() {
                        return "pong";
                    }
                }
                """), PING);
    }

    @Test
    void twoRespondersForOneCommand() {
        assertSingleError("two @Responder methods of Calc answer Ping: ping() and pingAgain(); keep one", "pingAgain",
                file("Calc", """
                public class Calc {
                    @Responder(Ping.class)
                    void ping() {}

                    @Responder(Ping.class)
                    void pingAgain() {}
                }
                """), PING);
    }

    @Test
    void twoCommandsWithOneWireName() {
        assertSingleError("responders ping() and other() answer two commands with the same wire name 'Ping'", "other()",
                file("Calc", """
                public class Calc {
                    @Responder(Ping.class)
                    void ping() {}

                    @Responder(OtherPing.class)
                    void other() {}
                }
                """), PING, file("OtherPing", """
                @AmpCommand(name = "Ping")
                public interface OtherPing {}
                """));
    }

    @Test
    void privateResponder() {
        assertSingleError("responder ping() must be visible to the generated locator in p: make it package-private or"
                + " public", "@Responder", file("Calc", """
                public class Calc {
                    @Responder(Ping.class)
                    private void ping() {}
                }
                """), PING);
    }

    @Test
    void genericResponderClass() {
        assertSingleError("a class with @Responder methods must not be generic: Calc has type parameters", "class Calc",
                file("Calc", """
                public class Calc<T> {
                    @Responder(Ping.class)
                    void ping() {}
                }
                """), PING);
    }

    @Test
    void responderForAnInvalidCommand() {
        JavaFileObject calc = file("Calc", """
                public class Calc {
                    @Responder(Broken.class)
                    void broken() {}
                }
                """);
        JavaFileObject broken = file("Broken", """
                @AmpCommand
                public interface Broken {
                    @Argument float ratio();
                }
                """);
        Compilation compilation = Diagnostics.assertError("responder broken() answers Broken, which is not a valid"
                + " @AmpCommand: fix the errors reported on it", "@Responder", calc, broken);
        // The command's own error is reported where it is declared, once.
        assertThat(compilation).hadErrorContaining("unsupported type float").inFile(broken).onLineContaining("ratio()");
        assertThat(compilation).hadErrorCount(2);
    }
}
