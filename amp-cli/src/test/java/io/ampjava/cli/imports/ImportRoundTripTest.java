package io.ampjava.cli.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ampjava.cli.Cli;
import io.ampjava.cli.ExitCode;
import io.ampjava.dispatch.Command;
import io.ampjava.dispatch.CommandIndex;
import io.ampjava.schema.CommandSchema;
import io.ampjava.schema.ErrorSchema;
import io.ampjava.testing.TwistedPython;
import io.ampjava.testing.TwistedPython.Need;
import java.net.URISyntaxException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java to Python and back: the conformance commands ({@code io.ampjava.conformance.commands}), exported
 * by the processor as {@code conformance_commands.py} and imported again, compile to commands whose
 * schemas equal the originals': names, arguments and response fields (keys, types, optional, in order),
 * errors (codes, fatal, exception classes by simple name) and flags.
 */
@Timeout(120)
class ImportRoundTripTest {
    @TempDir
    Path temp;

    @Test
    void theConformanceCommandsComeBackAsTheyWere() throws Exception {
        String python = TwistedPython.require(Need.TWISTED).toString();
        Path sources = temp.resolve("src");
        Cli.run("import", "conformance_commands", "--path", generatedModuleDirectory().toString(), "--package", "back",
                "--output", sources.toString(), "--python", python).assertStatus(ExitCode.OK);

        Map<String, String> originals = schemas(commands(getClass().getClassLoader(), "io.ampjava.conformance.commands."));
        assertEquals(13, originals.size(), "the conformance commands: " + originals.keySet());
        try (URLClassLoader classes = Javac.compile(sources, temp.resolve("classes"))) {
            assertEquals(originals, schemas(commands(classes, "back.")));
        }
    }

    /** The generated commands that {@code loader}'s command indexes list in {@code packagePrefix}. */
    private static List<Command<?, ?>> commands(ClassLoader loader, String packagePrefix) throws Exception {
        List<Command<?, ?>> commands = new ArrayList<>();
        for (String name : CommandIndex.classNames(loader)) {
            if (name.startsWith(packagePrefix)) {
                commands.add((Command<?, ?>) Class.forName(name, true, loader).getField("COMMAND").get(null));
            }
        }
        return commands;
    }

    /** Where the test resources put the generated module (amp-conformance's build writes it; this pom copies it). */
    private static Path generatedModuleDirectory() throws URISyntaxException {
        return Path.of(ImportRoundTripTest.class.getResource("/io/ampjava/cli/interop/conformance_commands.py").toURI())
                .getParent();
    }

    /**
     * Each command's schema by wire name, as text; exceptions by simple name, since the imported ones
     * are classes of their own package (or the same JDK class).
     */
    private static Map<String, String> schemas(List<Command<?, ?>> commands) {
        Map<String, String> schemas = new TreeMap<>();
        for (Command<?, ?> command : commands) {
            CommandSchema schema = command.schema().orElseThrow();
            List<String> errors = new ArrayList<>();
            for (ErrorSchema error : schema.errors()) {
                errors.add(error.code() + (error.fatal() ? " fatal " : " ")
                        + error.exception().substring(error.exception().lastIndexOf('.') + 1));
            }
            schemas.put(schema.name(), schema.arguments() + " -> " + schema.response() + " errors " + errors
                    + " requiresAnswer=" + schema.requiresAnswer() + " closes=" + schema.closesConnection()
                    + " switches=" + schema.switchesProtocol());
        }
        return schemas;
    }
}
