package io.ampjava.cli.imports;

import io.ampjava.processor.validation.WireNameRules;
import io.ampjava.schema.AmpType;
import io.ampjava.schema.CommandSchema;
import io.ampjava.schema.ErrorSchema;
import io.ampjava.schema.FieldSchema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What amp-java cannot declare of a Python command, beyond what {@code describe_commands.py} found:
 * the processor's rules (the same {@link WireNameRules}), checked before anything is written so that
 * every problem is reported by name with what to do, not as a compile error later.
 */
final class ImportChecks {
    /** The longest key of a large value (its chunk keys add up to 6 bytes). */
    private static final int MAX_LARGE_KEY_BYTES = 249;

    private ImportChecks() {}

    /** Every problem of {@code command}: Python's, then the processor's. */
    static List<String> problems(PythonCommand command) {
        List<String> problems = new ArrayList<>(command.problems());
        CommandSchema schema = command.schema();
        String problem = WireNameRules.checkCommandName(schema.name());
        if (problem != null) {
            problems.add(problem);
        }
        fields(schema.arguments(), "argument", false, problems);
        fields(schema.response(), "response field", false, problems);
        if (schema.switchesProtocol() && !schema.response().isEmpty()) {
            problems.add("it switches protocol and declares a response: amp-java answers a switch with _answer alone,"
                    + " as Twisted does; drop the response");
        }
        if (schema.switchesProtocol() && !schema.requiresAnswer()) {
            problems.add("it switches protocol without asking for an answer, so it would never switch");
        }
        Set<String> codes = new HashSet<>();
        for (ErrorSchema error : schema.errors()) {
            if (error.code().isEmpty()) {
                problems.add("the error " + error.exception() + " has an empty code, which amp-java refuses");
            } else if (error.code().equals("UNHANDLED")) {
                problems.add("the error " + error.exception() + " has the code UNHANDLED, which AMP answers for an"
                        + " unknown command: give it another code");
            } else if (!codes.add(error.code())) {
                problems.add("two errors have the code " + error.code() + ": amp-java maps each code to one exception");
            }
        }
        return problems;
    }

    private static void fields(List<FieldSchema> fields, String what, boolean inAmpList, List<String> problems) {
        Set<String> keys = new HashSet<>();
        for (FieldSchema field : fields) {
            String key = field.name();
            String problem = WireNameRules.checkKey(key);
            if (problem != null) {
                problems.add(what + " '" + key + "': " + problem.replace("choose another with @Argument(\"...\")",
                        "amp-java cannot declare it"));
            }
            if (!keys.add(key)) {
                problems.add(what + " '" + key + "' is declared twice");
            }
            type(field.type(), what + " '" + key + "'", inAmpList, false, problems);
            if (field.type().kind() == AmpType.Kind.LARGE_STRING || field.type().kind() == AmpType.Kind.LARGE_UNICODE) {
                if (key.getBytes(StandardCharsets.UTF_8).length > MAX_LARGE_KEY_BYTES) {
                    problems.add(what + " '" + key + "' is a large value whose key is over " + MAX_LARGE_KEY_BYTES
                            + " bytes: its chunk keys would not fit AMP's 255");
                }
                for (FieldSchema other : fields) {
                    if (other.name().startsWith(key + ".")) {
                        problems.add(what + " '" + other.name() + "' looks like a chunk key of large value '" + key + "'");
                    }
                }
            }
        }
    }

    private static void type(AmpType type, String where, boolean inAmpList, boolean inListOf, List<String> problems) {
        switch (type.kind()) {
            case LIST_OF:
                type(((AmpType.ListOf) type).element(), where, inAmpList, true, problems);
                break;
            case AMP_LIST:
                if (inListOf) {
                    problems.add(where + " holds an AmpList in a ListOf, which Twisted cannot encode either");
                }
                fields(((AmpType.AmpList) type).fields(), where + " (AmpList element) field", true, problems);
                break;
            case DESCRIPTOR:
                if (inListOf) {
                    problems.add(where + " holds a Descriptor in a ListOf, which Twisted cannot encode either");
                }
                break;
            case LARGE_STRING:
            case LARGE_UNICODE:
                if (inListOf || inAmpList) {
                    problems.add(where + " is a large value inside a list: an AmpList or ListOf travels as one value"
                            + " of at most 65,535 bytes");
                }
                break;
            default:
                break;
        }
    }
}
