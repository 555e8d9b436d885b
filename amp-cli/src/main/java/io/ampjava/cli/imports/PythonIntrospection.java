package io.ampjava.cli.imports;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.ampjava.cli.CliException;
import io.ampjava.cli.ExitCode;
import io.ampjava.schema.AmpType;
import io.ampjava.schema.CommandSchema;
import io.ampjava.schema.ErrorSchema;
import io.ampjava.schema.FieldSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks Python what the {@code amp.Command} classes of some modules declare: runs the interpreter
 * with {@code describe_commands.py} (a resource of this package, fed on standard input, so nothing is
 * written anywhere), which imports the modules under Twisted and prints them as JSON. Java parses no
 * Python: Twisted's own classes say what they are.
 */
final class PythonIntrospection {
    private static final String SCRIPT = "describe_commands.py";
    private static final long TIMEOUT_SECONDS = 120;
    private static final Map<String, AmpType> SIMPLE = Map.ofEntries(
            Map.entry("Integer", AmpType.INTEGER), Map.entry("String", AmpType.STRING),
            Map.entry("Unicode", AmpType.UNICODE), Map.entry("Boolean", AmpType.BOOLEAN),
            Map.entry("Float", AmpType.FLOAT), Map.entry("Decimal", AmpType.DECIMAL),
            Map.entry("DateTime", AmpType.DATE_TIME), Map.entry("Path", AmpType.PATH),
            Map.entry("Descriptor", AmpType.DESCRIPTOR), Map.entry("LargeString", AmpType.LARGE_STRING),
            Map.entry("LargeUnicode", AmpType.LARGE_UNICODE));

    private PythonIntrospection() {}

    /**
     * The commands of {@code modules}, module by module, each module's sorted by class name.
     *
     * @param python the interpreter, which must have Twisted
     * @param path directories to put first on Python's {@code sys.path}
     * @throws CliException ({@code USAGE}) when the interpreter cannot run, lacks Twisted, or cannot
     *     import a module
     */
    static List<PythonCommand> commands(String python, List<Path> path, List<String> modules) throws CliException {
        List<String> command = new ArrayList<>(List.of(python, "-"));
        command.addAll(modules);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (!path.isEmpty()) {
            List<String> entries = new ArrayList<>();
            path.forEach(entry -> entries.add(entry.toAbsolutePath().toString()));
            String inherited = builder.environment().get("PYTHONPATH");
            if (inherited != null && !inherited.isEmpty()) {
                entries.add(inherited);
            }
            builder.environment().put("PYTHONPATH", String.join(java.io.File.pathSeparator, entries));
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw CliException.usage("cannot run " + python + " (" + CliException.message(e) + "): give the Python"
                    + " that has Twisted with --python, e.g. --python /usr/bin/python3");
        }
        CompletableFuture<byte[]> stdout = drain(process.getInputStream());
        CompletableFuture<byte[]> stderr = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream(); InputStream script = PythonIntrospection.class.getResourceAsStream(SCRIPT)) {
            script.transferTo(in);
        } catch (IOException e) {
            // The interpreter ended before it read its program; its standard error says why.
        }
        int status;
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw CliException.usage(python + " did not finish importing " + String.join(", ", modules) + " within "
                        + TIMEOUT_SECONDS + " s");
            }
            status = process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.INTERNAL, "interrupted", e);
        }
        String errors = new String(stderr.join(), StandardCharsets.UTF_8).strip();
        if (status != 0) {
            throw CliException.usage(failure(python, errors));
        }
        try {
            return parse(JsonParser.parseString(new String(stdout.join(), StandardCharsets.UTF_8)).getAsJsonObject());
        } catch (JsonParseException | IllegalStateException | NullPointerException e) {
            throw new CliException(ExitCode.INTERNAL, python + " printed no description of the modules: " + e, e);
        }
    }

    /** What went wrong in Python, as one line: its last line, which names the exception. */
    private static String failure(String python, String errors) {
        String[] lines = errors.split("\n");
        String last = lines[lines.length - 1].strip();
        if (errors.contains("No module named 'twisted'")) {
            return python + " has no Twisted: install it (apt-get install python3-twisted) or give the Python that has it"
                    + " with --python";
        }
        return last.isEmpty() ? python + " failed without a word" : last;
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (stream) {
                stream.transferTo(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        });
    }

    private static List<PythonCommand> parse(JsonObject description) {
        List<PythonCommand> commands = new ArrayList<>();
        for (JsonElement moduleElement : description.getAsJsonArray("modules")) {
            JsonObject module = moduleElement.getAsJsonObject();
            String moduleName = module.get("module").getAsString();
            for (JsonElement commandElement : module.getAsJsonArray("commands")) {
                JsonObject command = commandElement.getAsJsonObject();
                List<ErrorSchema> errors = new ArrayList<>();
                for (JsonElement errorElement : command.getAsJsonArray("errors")) {
                    JsonObject error = errorElement.getAsJsonObject();
                    errors.add(new ErrorSchema(error.get("code").getAsString(), error.get("fatal").getAsBoolean(),
                            error.get("module").getAsString() + "." + error.get("exception").getAsString()));
                }
                CommandSchema schema = new CommandSchema(command.get("name").getAsString(),
                        fields(command.getAsJsonArray("arguments")), fields(command.getAsJsonArray("response")), errors,
                        command.get("requiresAnswer").getAsBoolean(), command.get("closesConnection").getAsBoolean(),
                        command.get("switchesProtocol").getAsBoolean());
                List<String> problems = new ArrayList<>();
                command.getAsJsonArray("problems").forEach(problem -> problems.add(problem.getAsString()));
                commands.add(new PythonCommand(moduleName, command.get("qualname").getAsString(), schema, problems));
            }
        }
        return commands;
    }

    private static List<FieldSchema> fields(JsonArray array) {
        List<FieldSchema> fields = new ArrayList<>();
        for (JsonElement element : array) {
            JsonObject field = element.getAsJsonObject();
            fields.add(new FieldSchema(field.get("key").getAsString(), type(field.getAsJsonObject("type")),
                    field.get("optional").getAsBoolean()));
        }
        return fields;
    }

    private static AmpType type(JsonObject type) {
        String kind = type.get("kind").getAsString();
        switch (kind) {
            case "ListOf":
                return AmpType.listOf(type(type.getAsJsonObject("element")));
            case "AmpList":
                return AmpType.ampList(fields(type.getAsJsonArray("fields")));
            case "Custom":
                return AmpType.custom(type.get("class").getAsString());
            default:
                AmpType simple = SIMPLE.get(kind);
                if (simple == null) {
                    throw new IllegalStateException("unknown argument kind " + kind);
                }
                return simple;
        }
    }
}
