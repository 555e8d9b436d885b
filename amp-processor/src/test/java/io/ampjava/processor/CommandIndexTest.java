package io.ampjava.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.ampjava.dispatch.CommandIndex;
import io.ampjava.processor.writer.RuntimeNames;
import java.io.IOException;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** The index of a compilation's generated commands, which lets tools find them without scanning a jar. */
class CommandIndexTest {
    @Test
    void listsEveryGeneratedCommandClassOnceSortedByBinaryName() throws IOException {
        Compilation compilation = TestCompiler.compile(Diagnostics.file("Sum", """
                @AmpCommand
                public interface Sum {
                    @Argument long a();
                }
                """), Diagnostics.file("Protocol", """
                public interface Protocol {
                    @AmpCommand interface Divide {}

                    @AmpCommand(className = "PingCalls") interface Ping {}
                }
                """), Diagnostics.file("Calc", """
                public class Calc {
                    @Responder(Sum.class)
                    void sum(long a) {}
                }
                """));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedFile(StandardLocation.CLASS_OUTPUT, "", CommandIndex.RESOURCE)
                .contentsAsUtf8String().isEqualTo("p.PingCalls\np.Protocol_DivideCommand\np.SumCommand\n");
    }

    @Test
    void aCompilationWithoutCommandsWritesNone() {
        Compilation compilation = TestCompiler.compile(Diagnostics.file("Plain", """
                public class Plain {}
                """));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation.generatedFiles()).hasSize(1); // Plain.class alone
    }

    @Test
    void theProcessorWritesWhereTheRuntimeReads() {
        assertThat(RuntimeNames.COMMAND_INDEX).isEqualTo(CommandIndex.RESOURCE);
    }
}
