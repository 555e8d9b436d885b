package io.ampjava.processor;

import static io.ampjava.processor.Diagnostics.assertSingleError;
import static io.ampjava.processor.Diagnostics.file;

import org.junit.jupiter.api.Test;

/** Each invalid {@code @AmpCommand} declaration: one error, on the element to change. */
class CommandDiagnosticsTest {
    @Test
    void commandOnAClass() {
        assertSingleError("@AmpCommand must be on an interface, not on a class Bad", "@AmpCommand", file("Bad", """
                @AmpCommand
                public class Bad {}
                """));
    }

    @Test
    void commandOnAnEnum() {
        assertSingleError("@AmpCommand must be on an interface, not on an enum Bad", "@AmpCommand", file("Bad", """
                @AmpCommand
                public enum Bad { A }
                """));
    }

    @Test
    void genericCommand() {
        assertSingleError("@AmpCommand interface Bad must not be generic", "@AmpCommand", file("Bad", """
                @AmpCommand
                public interface Bad<T> {
                    @Argument long x();
                }
                """));
    }

    @Test
    void privateCommand() {
        assertSingleError("@AmpCommand interface Hidden must be visible to its package", "@AmpCommand", file("Outer", """
                public class Outer {
                    @AmpCommand
                    private interface Hidden {}
                }
                """));
    }

    @Test
    void argumentWithParameters() {
        assertSingleError("@Argument method x() must not take parameters", "long x(int y)", file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument long x(int y);
                }
                """));
    }

    @Test
    void methodWithoutArgument() {
        assertSingleError("method x() of Bad has no @Argument", "long x()", file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument long ok();
                    long x();
                }
                """));
    }

    @Test
    void voidArgument() {
        assertSingleError("@Argument method x() must return a value, not void", "void x()", file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument void x();
                }
                """));
    }

    @Test
    void argumentNamedLikeAnObjectMethod() {
        assertSingleError("@Argument method hashCode() has the name of a java.lang.Object method", "int hashCode()",
                file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument int hashCode();
                }
                """));
    }

    @Test
    void argumentOnAClassMethod() {
        assertSingleError("@Argument belongs on a method of an interface", "long x()", file("Bad", """
                public class Bad {
                    @Argument long x() { return 1; }
                }
                """));
    }

    @Test
    void reservedWireName() {
        assertSingleError("wire name '_ask' starts with '_', which AMP reserves for its own keys", "\"_ask\"",
                file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument("_ask") String ask();
                }
                """));
    }

    @Test
    void reservedWireNameFromTheMethodName() {
        assertSingleError("wire name '_private' starts with '_'", "_private()", file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument String _private();
                }
                """));
    }

    @Test
    void wireNameLongerThan255Bytes() {
        // 128 two-byte characters: short in Java, too long on the wire.
        String name = "é".repeat(128);
        assertSingleError("is 256 bytes in UTF-8; an AMP key is at most 255", "String tooLong()", file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument("%s") String tooLong();
                }
                """.formatted(name)));
    }

    @Test
    void twoArgumentsWithOneWireName() {
        assertSingleError("two arguments travel as 'x': a() and b()", "long b()", file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument("x") long a();
                    @Argument("x") long b();
                }
                """));
    }

    @Test
    void commandNameLongerThan255Bytes() {
        assertSingleError("command name 'nnnn", "@AmpCommand(name", file("Bad", """
                @AmpCommand(name = "%s")
                public interface Bad {}
                """.formatted("n".repeat(256))));
    }

    @Test
    void optionalPrimitive() {
        assertSingleError("optional argument count() must have a reference type so that absent can be null: use Long,"
                + " not long", "long count()", file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument(optional = true) long count();
                }
                """));
    }

    @Test
    void twoResponses() {
        assertSingleError("command Bad has two @Response interfaces, First and Second", "interface Second", file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Response interface First { @Argument long a(); }
                    @Response interface Second { @Argument long b(); }
                }
                """));
    }

    @Test
    void nestedArgumentsWithoutResponse() {
        assertSingleError("interface Result in command Divide declares @Arguments, but Divide has no @Response and uses"
                + " it in no AmpList: add @Response to Result to make it the answer (without one, the answer is empty)",
                "interface Result", file("Divide", """
                @AmpCommand
                public interface Divide {
                    @Argument long numerator();
                    @Argument List<Term> terms();

                    interface Term { @Argument long value(); }
                    interface Result {
                        @Argument double result();
                    }
                }
                """));
    }

    @Test
    void responseNotInACommand() {
        assertSingleError("@Response interface Lonely must be nested in the @AmpCommand interface", "@Response",
                file("Lonely", """
                @Response
                public interface Lonely {
                    @Argument long a();
                }
                """));
    }

    @Test
    void responseOnAClass() {
        assertSingleError("@Response must be on an interface, not on class Result", "class Result", file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Response class Result {}
                }
                """));
    }

    @Test
    void errorWithoutUsableConstructor() {
        assertSingleError("exception CodeException of error BROKEN needs a public constructor taking a String"
                + " (or a public no-argument one)", "BROKEN", file("Bad", """
                @AmpCommand(errors = {
                        @AmpError(code = "BROKEN", exception = Bad.CodeException.class)
                })
                public interface Bad {
                    class CodeException extends RuntimeException {
                        public CodeException(int code) { super("code " + code); }
                    }
                }
                """));
    }

    @Test
    void abstractError() {
        assertSingleError("so it cannot be abstract or an inner class", "ABSTRACT", file("Bad", """
                @AmpCommand(errors = {
                        @AmpError(code = "ABSTRACT", exception = Bad.Vague.class)
                })
                public interface Bad {
                    abstract class Vague extends RuntimeException {
                        public Vague(String message) { super(message); }
                    }
                }
                """));
    }

    @Test
    void errorCodeDeclaredTwice() {
        assertSingleError("the error code OOPS is declared twice", "IllegalStateException", file("Bad", """
                @AmpCommand(errors = {
                        @AmpError(code = "OOPS", exception = IllegalArgumentException.class),
                        @AmpError(code = "OOPS", exception = IllegalStateException.class)
                })
                public interface Bad {}
                """));
    }

    @Test
    void exceptionDeclaredTwice() {
        assertSingleError("the exception IllegalArgumentException is declared twice", "TWO", file("Bad", """
                @AmpCommand(errors = {
                        @AmpError(code = "ONE", exception = IllegalArgumentException.class),
                        @AmpError(code = "TWO", exception = IllegalArgumentException.class)
                })
                public interface Bad {}
                """));
    }

    @Test
    void unhandledIsReserved() {
        assertSingleError("the error code UNHANDLED is reserved", "UNHANDLED", file("Bad", """
                @AmpCommand(errors = @AmpError(code = "UNHANDLED", exception = IllegalStateException.class))
                public interface Bad {}
                """));
    }

    @Test
    void generatedClassNamedLikeAClassOfTheUser() {
        assertSingleError("the class generated for command p.Divide would be named p.DivideCommand, like your class"
                + " p.DivideCommand: name the generated class with @AmpCommand(className = \"...\"), or rename yours",
                "@AmpCommand", file("Divide", """
                @AmpCommand
                public interface Divide {
                    @Argument long numerator();
                }
                """), file("DivideCommand", """
                public class DivideCommand {}
                """));
    }

    @Test
    void elementClassNamedLikeAClassOfTheUser() {
        assertSingleError("the class generated for AmpList element p.Tag would be named p.TagElement, like your class"
                + " p.TagElement: rename one of the two", "interface Tag", file("Tag", """
                public interface Tag {
                    @Argument String name();
                }

                @AmpCommand
                interface Retag {
                    @Argument List<Tag> tags();
                }

                class TagElement {}
                """));
    }

    @Test
    void classNameTakenToo() {
        assertSingleError("the class generated for command p.Outer.Divide would be named p.Calls, like your class p.Calls",
                "className", file("Outer", """
                public interface Outer {
                    @AmpCommand(name = "divide",
                            className = "Calls")
                    interface Divide {}
                }

                class Calls {}
                """));
    }

    @Test
    void classNameThatIsNoJavaName() {
        assertSingleError("className \"p.DivideCalls\" is not a Java class name: give the simple name of the class to"
                + " generate, such as \"DivideCalls\"", "className", file("Divide", """
                @AmpCommand(name = "divide",
                        className = "p.DivideCalls")
                public interface Divide {}
                """));
    }

    @Test
    void elementFactoriesThatClash() {
        assertSingleError("AmpList elements p.Bad.A.Item and p.Bad.B.Item would both get the factory item(...)",
                "@AmpCommand", file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument List<A.Item> first();
                    @Argument List<B.Item> second();

                    interface A { interface Item { @Argument long x(); } }
                    interface B { interface Item { @Argument long y(); } }
                }
                """));
    }

    @Test
    void elementFactoryThatClashesWithAGeneratedMethod() {
        assertSingleError("AmpList element p.Bad.Call would get a factory call(...) that clashes with the generated"
                + " call(...)", "@AmpCommand", file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument List<Call> calls();

                    interface Call { @Argument long x(); }
                }
                """));
    }
}
