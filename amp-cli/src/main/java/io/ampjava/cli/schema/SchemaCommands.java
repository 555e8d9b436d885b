package io.ampjava.cli.schema;

import io.ampjava.cli.CliException;
import io.ampjava.dispatch.Command;
import io.ampjava.dispatch.CommandIndex;
import io.ampjava.schema.CommandSchema;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The commands of {@code --schema CLASSPATH}, by wire name: those amp-processor generated into the
 * jars and directories given, found through the index it writes beside them
 * ({@code META-INF/amp-java/commands}).
 */
public final class SchemaCommands {
    private final String classpath;
    private final Map<String, CommandSchema> byName;

    private SchemaCommands(String classpath, Map<String, CommandSchema> byName) {
        this.classpath = classpath;
        this.byName = byName;
    }

    /**
     * Loads the commands of {@code classpath}.
     *
     * @throws CliException ({@code USAGE}) when an entry is missing or it holds no commands
     */
    public static SchemaCommands load(String classpath) throws CliException {
        ClassLoader loader = SchemaClassLoader.of(classpath);
        Map<String, CommandSchema> byName = new TreeMap<>();
        try {
            for (Command<?, ?> command : CommandIndex.commands(loader)) {
                command.schema().ifPresent(schema -> byName.put(schema.name(), schema));
            }
        } catch (IOException | IllegalStateException | LinkageError e) {
            throw CliException.usage("--schema " + classpath + ": cannot load its commands: " + e.getMessage());
        }
        if (byName.isEmpty()) {
            throw CliException.usage("--schema " + classpath + " holds no amp-java commands (no "
                    + CommandIndex.RESOURCE + " written by amp-processor)");
        }
        return new SchemaCommands(classpath, byName);
    }

    /**
     * The schema of the command named {@code name} on the wire.
     *
     * @throws CliException ({@code USAGE}) listing the commands there are, when there is none by that name
     */
    public CommandSchema command(String name) throws CliException {
        CommandSchema schema = byName.get(name);
        if (schema == null) {
            throw CliException.usage("no command " + name + " in --schema " + classpath + "; it has "
                    + String.join(", ", byName.keySet()));
        }
        return schema;
    }
}
