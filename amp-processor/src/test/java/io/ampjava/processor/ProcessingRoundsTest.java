package io.ampjava.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** How the processor lives among rounds and other processors, and how it is registered. */
class ProcessingRoundsTest {
    /** A command whose custom argument type does not exist until another processor writes it. */
    private static final JavaFileObject PRICED = Diagnostics.file("Priced", """
            @AmpCommand
            public interface Priced {
                @Argument(type = p.gen.MoneyType.class) p.gen.Money price();
            }
            """);

    @Test
    void waitsForTypesThatAnotherProcessorGeneratesLater() {
        Compilation compilation = Compiler.javac()
                .withProcessors(new AmpProcessor(), new MoneyWriter())
                .compile(PRICED);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.PricedCommand").contentsAsUtf8String()
                .contains("PRICE_TYPE = MoneyType.INSTANCE");
    }

    @Test
    void reportsTypesThatNeverCome() {
        Compilation compilation = Compiler.javac().withProcessors(new AmpProcessor()).compile(PRICED);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("could not generate code for p.Priced: the class named in"
                + " @Argument(type = ...) does not exist").inFile(PRICED).onLineContaining("interface Priced");
    }

    @Test
    void isRegisteredAsAnAggregatingProcessor() throws IOException {
        assertThat(resource("META-INF/services/javax.annotation.processing.Processor").trim())
                .isEqualTo(AmpProcessor.class.getName());
        assertThat(resource("META-INF/gradle/incremental.annotation.processors").trim())
                .isEqualTo(AmpProcessor.class.getName() + ",aggregating");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AmpProcessor.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Writes {@code p.gen.Money} and its argument type in its first round, as a code generator would. */
    private static final class MoneyWriter extends AbstractProcessor {
        private boolean written;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (written) {
                return false;
            }
            written = true;
            write("p.gen.Money", "package p.gen;\npublic record Money(long cents) {}\n");
            write("p.gen.MoneyType", """
                    package p.gen;
                    import io.ampjava.types.*;
                    public final class MoneyType implements ArgumentType<Money> {
                        public static final MoneyType INSTANCE = new MoneyType();
                        public byte[] toWire(Money value, ArgumentContext context) {
                            return Long.toString(value.cents()).getBytes();
                        }
                        public Money fromWire(byte[] wire, ArgumentContext context) {
                            return new Money(Long.parseLong(new String(wire)));
                        }
                    }
                    """);
            return false;
        }

        private void write(String name, String text) {
            try (Writer out = processingEnv.getFiler().createSourceFile(name).openWriter()) {
                out.write(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
