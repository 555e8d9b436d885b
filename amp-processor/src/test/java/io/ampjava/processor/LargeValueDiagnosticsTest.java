package io.ampjava.processor;

import static com.google.common.truth.Truth.assertThat;
import static io.ampjava.processor.Diagnostics.assertSingleError;
import static io.ampjava.processor.Diagnostics.file;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** {@code @Argument(large = true)}: where a value may be split across keys, and where not. */
class LargeValueDiagnosticsTest {
    @Test
    void onlyBytesAndTextAreLarge() {
        assertSingleError("@Argument(large = true) count() must be a byte[] or a String, not long: only those travel"
                + " split across keys", "long count()", file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument(large = true) long count();
                }
                """));
    }

    @Test
    void aListIsNotLarge() {
        assertSingleError("@Argument(large = true) names() must be a byte[] or a String, not java.util.List<java.lang.String>",
                "names()", file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument(large = true) List<String> names();
                }
                """));
    }

    @Test
    void aLargeValueHasNoCustomType() {
        assertSingleError("@Argument text() cannot be both large and of a custom type", "String text()", file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument(large = true, type = Upper.class) String text();

                    final class Upper implements ArgumentType<String> {
                        public static final Upper INSTANCE = new Upper();
                        public byte[] toWire(String value, ArgumentContext context) { return null; }
                        public String fromWire(byte[] wire, ArgumentContext context) { return null; }
                    }
                }
                """));
    }

    @Test
    void anAmpListElementTravelsAsOneValue() {
        assertSingleError("@Argument data() of AmpList element Part cannot be large: an AmpList travels as one value of"
                + " at most 65,535 bytes", "byte[] data()", file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument List<Part> parts();

                    interface Part {
                        @Argument(large = true) byte[] data();
                    }
                }
                """));
    }

    @Test
    void theKeyLeavesRoomForTheChunkSuffix() {
        String key = "k".repeat(250);
        assertSingleError("the key '" + key + "' of large argument data() is 250 bytes in UTF-8; a large value's key is"
                + " at most 249, so that its chunk keys (up to 6 bytes more) fit AMP's 255", "byte[] data()",
                file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument(value = "KEY", large = true) byte[] data();
                }
                """.replace("KEY", key)));
    }

    @Test
    void noOtherKeyMayLookLikeAChunk() {
        assertSingleError("the key 'data.size' of size() starts with 'data.', like the chunk keys of large argument"
                + " data(); give it another with @Argument(\"...\")", "long size()", file("Bad", """
                @AmpCommand
                public interface Bad {
                    @Argument(large = true) byte[] data();
                    @Argument("data.size") long size();
                }
                """));
    }

    @Test
    void largeValuesAreFineInResponsesAndOptional() {
        Compilation compilation = TestCompiler.compile(file("Fine", """
                @AmpCommand
                public interface Fine {
                    @Argument(large = true, optional = true) String text();
                    @Argument("data-size") long size();

                    @Response interface Result {
                        @Argument(large = true) byte[] data();
                    }
                }
                """));
        assertThat(compilation.errors()).isEmpty();
    }
}
