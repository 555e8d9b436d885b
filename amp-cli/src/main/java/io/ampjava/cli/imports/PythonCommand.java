package io.ampjava.cli.imports;

import io.ampjava.schema.CommandSchema;
import java.util.List;

/**
 * One {@code amp.Command} class of a Python module, as {@code describe_commands.py} saw it.
 *
 * @param module the Python module
 * @param className the class's name (its {@code __qualname__}: {@code Outer.Inner} when nested)
 * @param schema what travels; each error's {@code exception} is the Python exception's qualified name
 *     ({@code builtins.ZeroDivisionError}), and a custom argument's type is {@code Custom(module.Class)}
 * @param problems what Java cannot declare of it, one sentence each; empty when it can be imported
 */
record PythonCommand(String module, String className, CommandSchema schema, List<String> problems) {
    PythonCommand {
        problems = List.copyOf(problems);
    }

    /** {@code module.Class}, for messages. */
    String qualifiedName() {
        return module + "." + className;
    }
}
