package io.ampjava.cli.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.cli.Cli;
import io.ampjava.cli.ExitCode;
import io.ampjava.testing.TwistedPython;
import io.ampjava.testing.TwistedPython.Need;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code amp import}: what it writes, what it refuses and says so, and its usage errors. */
@Timeout(120)
class ImportSubcommandTest {
    @TempDir
    Path output;

    private static String python() {
        return TwistedPython.require(Need.TWISTED).toString();
    }

    static Path resources() {
        try {
            return Path.of(ImportSubcommandTest.class.getResource("unsupported_commands.py").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void twistedsTrialCommandsBecomeInterfacesThatReadAsWrittenByHand() throws Exception {
        Cli.Result result = Cli.run("import", "twisted.trial._dist.workercommands", "twisted.trial._dist.managercommands",
                "--package", "com.example.trial", "--output", output.toString(), "--python", python())
                .assertStatus(ExitCode.OK);
        Path trial = output.resolve("com/example/trial");
        List<String> written;
        try (Stream<Path> files = Files.list(trial)) {
            written = files.map(file -> file.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("AddError.java", "AddExpectedFailure.java", "AddFailure.java", "AddSkip.java",
                "AddSuccess.java", "AddUnexpectedSuccess.java", "Run.java", "Start.java", "TestWrite.java"), written);
        assertTrue(result.out().contains("wrote " + trial.resolve("Run.java")), result.out());
        assertEquals("""
                package com.example.trial;

                import io.ampjava.annotations.AmpCommand;
                import io.ampjava.annotations.Argument;
                import io.ampjava.annotations.Response;
                import java.util.List;

                /**
                 * The Python command {@code twisted.trial._dist.managercommands.AddError}, imported by {@code amp import}.
                 */
                @AmpCommand
                public interface AddError {
                    @Argument
                    String testName();

                    @Argument
                    String error();

                    @Argument
                    String errorClass();

                    @Argument
                    List<String> frames();

                    @Response
                    interface Result {
                        @Argument
                        boolean success();
                    }
                }
                """, Files.readString(trial.resolve("AddError.java")));
    }

    @Test
    void namesTypesAndAmpListsOfAModuleOfOurs() throws Exception {
        Cli.run("import", "unsupported_commands", "--path", resources().toString(), "--package", "p", "--output",
                output.toString(), "--python", python(), "--skip-unsupported").assertStatus(ExitCode.OK);
        assertEquals("""
                package p;

                import io.ampjava.annotations.AmpCommand;
                import io.ampjava.annotations.Argument;
                import io.ampjava.annotations.Response;
                import java.util.List;

                /**
                 * The Python command {@code unsupported_commands.Fine}, imported by {@code amp import}.
                 */
                @AmpCommand
                public interface Fine {
                    @Argument("dash-arg")
                    long dashArg();

                    @Argument(value = "class", optional = true)
                    String classValue();

                    /**
                     * An element of {@code items}.
                     */
                    interface Items {
                        @Argument
                        long x();
                    }

                    @Response
                    interface Result {
                        @Argument
                        List<Items> items();
                    }
                }
                """, Files.readString(output.resolve("p/Fine.java")));
    }

    @Test
    void whatAmpJavaCannotDeclareIsReportedByNameAndNothingIsWritten() {
        Cli.Result result = Cli.run("import", "unsupported_commands", "--path", resources().toString(), "--package", "p",
                "--output", output.toString(), "--python", python()).assertStatus(ExitCode.REFUSED);
        List<String> lines = result.err().lines().toList();
        assertEquals(4, lines.size(), result.err());
        assertEquals("amp import: unsupported_commands.Custom: Custom overrides makeArguments (in"
                + " unsupported_commands.Custom): it encodes its own way, which amp import cannot follow; declare it in"
                + " Java by hand", lines.get(0));
        assertEquals("amp import: unsupported_commands.Loud: argument 'message' is a unsupported_commands.Shout, an"
                + " amp.Argument of its own whose encoding amp import cannot know: write an io.ampjava.types.ArgumentType"
                + " that encodes it the same way and declare the argument with @Argument(type = ...), or leave the"
                + " command out (--skip-unsupported)", lines.get(1));
        assertTrue(lines.get(2).startsWith("amp import: unsupported_commands.Reserved: argument '_private': wire name"
                + " '_private' starts with '_', which AMP reserves for its own keys"), lines.get(2));
        assertEquals("amp import: 3 problems above; nothing was written (--skip-unsupported writes the other commands)",
                lines.get(3));
        assertFalse(Files.exists(output.resolve("p")), "nothing written");
    }

    @Test
    void skippingTheUnsupportedWritesTheRest() {
        Cli.Result result = Cli.run("import", "unsupported_commands", "--path", resources().toString(), "--package", "p",
                "--output", output.toString(), "--python", python(), "--skip-unsupported").assertStatus(ExitCode.OK);
        assertEquals(3, result.err().lines().count(), result.err());
        assertEquals("wrote " + output.resolve("p/Fine.java") + "\n", result.out());
    }

    @Test
    void usageErrorsSayWhatToChange() {
        String python = python();
        assertEquals("amp import: --package 1x is not a Java package name, such as com.example.trial\n",
                Cli.run("import", "m", "--package", "1x").assertStatus(ExitCode.USAGE).err());
        assertEquals("amp import: cannot import no_such_module: ModuleNotFoundError: No module named 'no_such_module'\n",
                Cli.run("import", "no_such_module", "--package", "p", "--python", python).assertStatus(ExitCode.USAGE).err());
        String missing = Cli.run("import", "m", "--package", "p", "--python", "/no/such/python").assertStatus(ExitCode.USAGE).err();
        assertTrue(missing.startsWith("amp import: cannot run /no/such/python ("), missing);
        assertTrue(missing.endsWith("): give the Python that has Twisted with --python, e.g. --python /usr/bin/python3\n"),
                missing);
        assertTrue(Cli.run("import", "--package", "p").assertStatus(ExitCode.USAGE).err().contains("MODULE"));
        assertEquals("amp import: twisted.protocols.basic declares no amp.Command class\n",
                Cli.run("import", "twisted.protocols.basic", "--package", "p", "--python", python)
                        .assertStatus(ExitCode.REFUSED).err());
    }

    @Test
    void helpListsTheOptions() {
        String help = Cli.run("import", "--help").assertStatus(ExitCode.OK).out();
        for (String option : List.of("--package", "--output", "--python", "--path", "--skip-unsupported", "MODULE")) {
            assertTrue(help.contains(option), option + " in\n" + help);
        }
    }
}
