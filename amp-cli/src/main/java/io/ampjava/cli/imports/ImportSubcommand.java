package io.ampjava.cli.imports;

import com.palantir.javapoet.JavaFile;
import io.ampjava.cli.CliException;
import io.ampjava.cli.ExitCode;
import io.ampjava.cli.Subcommand;
import io.ampjava.cli.Terminal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.SourceVersion;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code amp import MODULE... --package PACKAGE}: the {@code amp.Command} classes of Python modules
 * as Java {@code @AmpCommand} interfaces. Python itself (with Twisted) says what the classes declare;
 * whatever amp-java cannot declare is reported by name with what to do, and then nothing is written
 * (or, with {@code --skip-unsupported}, everything else is).
 */
public final class ImportSubcommand implements Subcommand {
    /** The interpreter when neither {@code --python} nor {@code AMP_PYTHON} names one. */
    static final String DEFAULT_PYTHON = "python3";

    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("import");
        spec.usageMessage()
                .description("Write the amp.Command classes of Python modules as Java @AmpCommand interfaces (and"
                        + " their errors as exception classes), one file each, for amp-processor to compile. Python"
                        + " with Twisted imports the modules and says what they declare; what amp-java cannot"
                        + " declare is reported, one line each, and then nothing is written (exit status 1).");
        spec.addPositional(PositionalParamSpec.builder().index("0..*").arity("1..*").required(true).paramLabel("MODULE")
                .type(List.class).auxiliaryTypes(String.class)
                .description("A Python module, as Python imports it: twisted.trial._dist.workercommands.").build());
        spec.addOption(OptionSpec.builder("--package").paramLabel("PACKAGE").type(String.class).required(true)
                .description("The Java package of the declarations.").build());
        spec.addOption(OptionSpec.builder("--output").paramLabel("DIR").type(String.class)
                .description("The source directory to write to, e.g. src/main/java (files go to"
                        + " DIR/<package path>/); the current directory when absent.").build());
        spec.addOption(OptionSpec.builder("--python").paramLabel("PYTHON").type(String.class)
                .description("The Python that has Twisted; $AMP_PYTHON when set, else " + DEFAULT_PYTHON + ".").build());
        spec.addOption(OptionSpec.builder("--path").paramLabel("DIR").type(List.class).auxiliaryTypes(String.class)
                .description("A directory to put first on Python's path, where a MODULE lives. Repeatable.").build());
        spec.addOption(OptionSpec.builder("--skip-unsupported").arity("0").type(boolean.class)
                .description("Leave out the commands amp-java cannot declare (each still reported) and write the"
                        + " others.").build());
        return spec;
    }

    @Override
    public int run(ParseResult parsed, Terminal terminal) throws Exception {
        List<String> modules = parsed.matchedPositionalValue(0, List.of());
        String packageName = parsed.matchedOptionValue("--package", "");
        if (!SourceVersion.isName(packageName)) {
            throw CliException.usage("--package " + packageName + " is not a Java package name, such as com.example.trial");
        }
        Path output = path(parsed.matchedOptionValue("--output", "."), "--output");
        List<Path> pythonPath = new ArrayList<>();
        for (String entry : parsed.<List<String>>matchedOptionValue("--path", List.of())) {
            pythonPath.add(path(entry, "--path"));
        }
        String python = parsed.matchedOptionValue("--python", null);
        if (python == null) {
            String configured = System.getenv("AMP_PYTHON");
            python = configured == null || configured.isBlank() ? DEFAULT_PYTHON : configured;
        }
        boolean skip = parsed.matchedOptionValue("--skip-unsupported", false);

        List<PythonCommand> commands = PythonIntrospection.commands(python, pythonPath, modules);
        PrintWriter err = terminal.err();
        List<PythonCommand> importable = new ArrayList<>();
        int problems = 0;
        for (PythonCommand command : commands) {
            List<String> found = ImportChecks.problems(command);
            for (String problem : found) {
                err.println("amp import: " + command.qualifiedName() + ": " + problem);
            }
            problems += found.size();
            if (found.isEmpty()) {
                importable.add(command);
            }
        }
        if (commands.isEmpty()) {
            throw new CliException(ExitCode.REFUSED, String.join(", ", modules) + " declares no amp.Command class");
        }
        if (problems > 0 && !skip) {
            throw new CliException(ExitCode.REFUSED, problems + (problems == 1 ? " problem" : " problems")
                    + " above; nothing was written (--skip-unsupported writes the other commands)");
        }
        PrintWriter out = terminal.out();
        for (JavaFile file : JavaDeclarations.write(packageName, importable)) {
            try {
                out.println("wrote " + JavaSource.write(file, output));
            } catch (IOException e) {
                throw new CliException(ExitCode.USAGE, "cannot write to " + output + ": " + CliException.message(e), e);
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private static Path path(String text, String option) throws CliException {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw CliException.usage(option + ": not a path: " + text);
        }
    }
}
