package io.ampjava.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.schema.AmpType;
import io.ampjava.schema.CommandSchema;
import io.ampjava.schema.ErrorSchema;
import io.ampjava.schema.FieldSchema;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command's schema, and the index that finds commands on a class path. */
class CommandIndexTest {
    /** A class as the processor generates it, as far as the index is concerned. */
    public static final class IndexedCommand {
        public static final Command<TestCommands.Operands, TestCommands.Total> COMMAND = Command.builder("Sum",
                        TestCommands.OPERANDS, TestCommands.TOTAL)
                .error(ErrorSpec.fatal("FATAL", TestCommands.FatalException.class, TestCommands.FatalException::new))
                .schema(List.of(FieldSchema.required("a", AmpType.INTEGER), FieldSchema.required("b", AmpType.INTEGER)),
                        List.of(FieldSchema.required("total", AmpType.INTEGER)))
                .build();

        private IndexedCommand() {}
    }

    /** Not a command class. */
    public static final class NotACommand {
        private NotACommand() {}
    }

    @TempDir
    Path directory;

    @Test
    void aCommandDescribedByItsBuilderHasASchema() {
        CommandSchema schema = IndexedCommand.COMMAND.schema().orElseThrow();
        assertEquals(new CommandSchema("Sum",
                List.of(FieldSchema.required("a", AmpType.INTEGER), FieldSchema.required("b", AmpType.INTEGER)),
                List.of(FieldSchema.required("total", AmpType.INTEGER)),
                List.of(new ErrorSchema("FATAL", true, TestCommands.FatalException.class.getName())),
                true, false, false), schema);
        assertTrue(TestCommands.SUM.schema().isEmpty(), "a command built without its fields has none");
    }

    @Test
    void findsTheCommandsEveryIndexLists() throws IOException {
        index("first", "# generated\n" + IndexedCommand.class.getName() + "\n");
        index("second", "\n" + IndexedCommand.class.getName() + "\n");
        try (URLClassLoader loader = loader("first", "second")) {
            assertEquals(List.of(IndexedCommand.class.getName()), CommandIndex.classNames(loader));
            List<Command<?, ?>> commands = CommandIndex.commands(loader);
            assertEquals(1, commands.size());
            assertSame(IndexedCommand.COMMAND, commands.get(0), "the loader shares this runtime");
        }
    }

    @Test
    void anIndexOfMissingClassesSaysWhichIsMissing() throws IOException {
        index("broken", "p.GoneCommand\n");
        try (URLClassLoader loader = loader("broken")) {
            IllegalStateException missing = assertThrows(IllegalStateException.class, () -> CommandIndex.commands(loader));
            assertEquals("the command index lists p.GoneCommand, which is not on the class path", missing.getMessage());
        }
        index("wrong", NotACommand.class.getName() + "\n");
        try (URLClassLoader loader = loader("wrong")) {
            IllegalStateException wrong = assertThrows(IllegalStateException.class, () -> CommandIndex.commands(loader));
            assertEquals("the command index lists " + NotACommand.class.getName() + ", which has no public COMMAND",
                    wrong.getMessage());
        }
    }

    private void index(String root, String text) throws IOException {
        Path file = directory.resolve(root).resolve(CommandIndex.RESOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private URLClassLoader loader(String... roots) throws IOException {
        URL[] urls = new URL[roots.length];
        for (int i = 0; i < roots.length; i++) {
            urls[i] = directory.resolve(roots[i]).toUri().toURL();
        }
        return new URLClassLoader(urls, getClass().getClassLoader());
    }
}
