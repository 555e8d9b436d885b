package io.ampjava.processor.validation;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.ampjava.processor.model.CommandModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/** Reports are kept per type: whoever asks for a command's model gets the one report made for it. */
class CommandValidatorTest {
    private Probe probe;

    @Test
    void aCommandIsCheckedOnceAndItsReportShared() {
        List<ValidationReport<CommandModel>> reports = new ArrayList<>();
        compile(validator -> {
            reports.add(validator.validate(type("p.Sum")));
            reports.add(validator.validate(type("p.Sum")));
            reports.add(validator.validate(type("p.Broken")));
        });
        assertThat(reports).hasSize(3);
        assertThat(reports.get(1)).isSameInstanceAs(reports.get(0));
        assertThat(reports.get(0).isClean()).isTrue();
        assertThat(reports.get(0).model().orElseThrow().wireName()).isEqualTo("Sum");
        assertThat(reports.get(2).isClean()).isFalse();
        assertThat(reports.get(2).model()).isEmpty();
        assertThat(reports.get(2).allItems()).hasSize(1);
        assertThat(reports.get(2).allItems().get(0).message()).contains("unsupported type float");
        assertThat(reports.get(2).allItems().get(0).element().getSimpleName().toString()).isEqualTo("ratio");
    }

    private TypeElement type(String name) {
        return probe.processingEnvironment().getElementUtils().getTypeElement(name);
    }

    private void compile(Consumer<CommandValidator> check) {
        probe = new Probe(check);
        Compilation compilation = Compiler.javac().withProcessors(probe).compile(JavaFileObjects.forSourceString("p.Sum", """
                package p;
                import io.ampjava.annotations.*;
                @AmpCommand
                public interface Sum {
                    @Argument long a();
                    @Argument long b();
                }
                @AmpCommand
                interface Broken {
                    @Argument float ratio();
                }
                """));
        assertThat(compilation).succeeded();
        assertThat(probe.ran).isTrue();
    }

    /** Runs {@code check} once, in the first round, on a validator of its own. */
    private static final class Probe extends AbstractProcessor {
        private final Consumer<CommandValidator> check;
        private boolean ran;

        Probe(Consumer<CommandValidator> check) {
            this.check = check;
        }

        ProcessingEnvironment processingEnvironment() {
            return processingEnv;
        }

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
            if (!ran) {
                ran = true;
                check.accept(new CommandValidator(processingEnv.getElementUtils(), processingEnv.getTypeUtils(),
                        new UserTypes()));
            }
            return false;
        }
    }
}
