package io.ampjava.processor.python;

import io.ampjava.processor.model.Builtin;
import io.ampjava.processor.model.CommandModel;
import io.ampjava.processor.model.ErrorModel;
import io.ampjava.processor.model.FieldModel;
import io.ampjava.processor.model.RecordModel;
import io.ampjava.processor.model.WireType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code amp.Command} class of one command, as Twisted declares it: {@code commandName},
 * {@code arguments}, {@code response}, {@code errors} and {@code fatalErrors}, {@code requiresAnswer},
 * {@code responseType = amp.QuitBox} for a command that closes the connection, and
 * {@code amp.ProtocolSwitchCommand} as the base of one that switches protocol.
 */
final class PythonCommandWriter {
    private static final String INDENT = "    ";

    private PythonCommandWriter() {}

    /** @param errorNames the Python class of each declared error, in declaration order */
    static String write(CommandModel command, String className, Map<ErrorModel, String> errorNames) {
        StringBuilder text = new StringBuilder();
        text.append("class ").append(className)
                .append(command.switchesProtocol() ? "(amp.ProtocolSwitchCommand):\n" : "(amp.Command):\n")
                .append(INDENT).append("\"\"\"Java: ").append(PythonNames.docText(command.interfaceName().canonicalName()))
                .append(".\"\"\"\n\n");
        assign(text, "commandName", PythonExpression.atom(PythonNames.bytesLiteral(command.wireName())));
        assign(text, "arguments", schema(command.arguments()));
        assign(text, "response", command.response().map(PythonCommandWriter::schema)
                .orElse(PythonExpression.list(List.of())));
        List<PythonExpression> errors = new ArrayList<>();
        List<PythonExpression> fatalErrors = new ArrayList<>();
        errorNames.forEach((error, name) -> (error.fatal() ? fatalErrors : errors)
                .add(PythonExpression.atom(name + ": " + PythonNames.bytesLiteral(error.code()))));
        if (!errors.isEmpty()) {
            assign(text, "errors", new PythonExpression.Bracketed("{", "}", errors));
        }
        if (!fatalErrors.isEmpty()) {
            assign(text, "fatalErrors", new PythonExpression.Bracketed("{", "}", fatalErrors));
        }
        if (!command.requiresAnswer()) {
            assign(text, "requiresAnswer", PythonExpression.atom("False"));
        }
        if (command.closesConnection()) {
            assign(text, "responseType", PythonExpression.atom("amp.QuitBox"));
        }
        return text.toString();
    }

    private static void assign(StringBuilder text, String name, PythonExpression value) {
        String start = INDENT + name + " = ";
        text.append(start).append(value.layout(start.length(), INDENT.length(), 0)).append('\n');
    }

    /** {@code [(b"key", amp.Integer()), ...]}: a record's fields as Twisted's schema. */
    private static PythonExpression schema(RecordModel record) {
        List<PythonExpression> fields = new ArrayList<>();
        for (FieldModel field : record.fields()) {
            fields.add(PythonExpression.tuple(List.of(PythonExpression.atom(PythonNames.bytesLiteral(field.wireName())),
                    argument(field.wireType(), field.optional()))));
        }
        return PythonExpression.list(fields);
    }

    /** {@code amp.Integer()}, {@code amp.ListOf(amp.Unicode(), optional=True)}, {@code LargeString()}... */
    private static PythonExpression argument(WireType type, boolean optional) {
        List<PythonExpression> arguments = new ArrayList<>();
        String function;
        if (type instanceof WireType.Large large) {
            function = large.builtin() == Builtin.UNICODE ? "LargeUnicode" : "LargeString";
        } else if (type instanceof WireType.Simple simple) {
            function = "amp." + simple.builtin().twistedName();
        } else if (type instanceof WireType.ListOf list) {
            function = "amp.ListOf";
            arguments.add(argument(list.element(), false));
        } else if (type instanceof WireType.AmpList list) {
            function = "amp.AmpList";
            arguments.add(schema(list.element()));
        } else {
            // PythonExport refuses custom types before writing.
            throw new IllegalStateException("no Python argument for " + type);
        }
        if (optional) {
            arguments.add(PythonExpression.atom("optional=True"));
        }
        return PythonExpression.call(function, arguments);
    }
}
