package io.ampjava.processor;

import static io.ampjava.processor.Diagnostics.assertSingleError;
import static io.ampjava.processor.Diagnostics.file;

import org.junit.jupiter.api.Test;

/** Each Java type that cannot travel, with a message that says what can. */
class ArgumentTypeDiagnosticsTest {
    @Test
    void unsupportedPrimitive() {
        assertSingleError("unsupported type float for @Argument ratio(); supported are int, long, Integer, Long,"
                + " BigInteger (AMP Integer); byte[] (String); String (Unicode)", "float ratio()", file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument float ratio();
                }
                """));
    }

    @Test
    void unsupportedClass() {
        assertSingleError("unsupported type java.lang.Object for @Argument any();", "Object any()", file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument Object any();
                }
                """));
    }

    @Test
    void unsupportedListElement() {
        assertSingleError("unsupported type java.lang.Float as a list element of @Argument ratios()", "ratios()",
                file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument List<Float> ratios();
                }
                """));
    }

    @Test
    void aBareRecordInterfaceNeedsAList() {
        assertSingleError("unsupported type p.Bad.Item for @Argument item()", "Item item()", file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument Item item();

                    interface Item { @Argument long x(); }
                }
                """));
    }

    @Test
    void descriptorInsideListOf() {
        assertSingleError("a Descriptor cannot travel inside a ListOf, as in fds(): Twisted's ListOf cannot pass file"
                + " descriptors", "fds()", file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument List<Descriptor> fds();
                }
                """));
    }

    @Test
    void ampListInsideListOf() {
        assertSingleError("an AmpList cannot travel inside a ListOf", "grid()", file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument List<List<Cell>> grid();

                    interface Cell { @Argument long x(); }
                }
                """));
    }

    @Test
    void ampListElementThatContainsItself() {
        assertSingleError("AmpList element Node contains itself through children(): an AMP value cannot nest without"
                + " end", "children()", file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument List<Node> roots();

                    interface Node {
                        @Argument String name();
                        @Argument List<Node> children();
                    }
                }
                """));
    }

    @Test
    void invalidAmpListElement() {
        assertSingleError("@Argument method x() must not take parameters", "long x(int y)", file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument List<Item> items();

                    interface Item {
                        @Argument long x(int y);
                    }
                }
                """));
    }

    @Test
    void customTypeForAnotherJavaType() {
        assertSingleError("@Argument(type = Text.class) must name a non-generic class implementing"
                + " io.ampjava.types.ArgumentType<java.lang.Long>, the type of count()", "count()", file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument(type = Text.class) long count();

                    final class Text implements ArgumentType<String> {
                        public byte[] toWire(String value, ArgumentContext context) { return value.getBytes(); }
                        public String fromWire(byte[] wire, ArgumentContext context) { return new String(wire); }
                    }
                }
                """));
    }

    @Test
    void customTypeWithoutInstanceOrConstructor() {
        assertSingleError("Text needs a public static final INSTANCE field or a public no-argument constructor",
                "label()", file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument(type = Text.class) String label();

                    final class Text implements ArgumentType<String> {
                        private Text() {}
                        public byte[] toWire(String value, ArgumentContext context) { return value.getBytes(); }
                        public String fromWire(byte[] wire, ArgumentContext context) { return new String(wire); }
                    }
                }
                """));
    }
}
