package io.ampjava.sample.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.testing.TwistedPython;
import io.ampjava.testing.TwistedPython.Need;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The sample's protocol, generated to Python by the processor ({@code amp_worker_commands}, from
 * {@code io.ampjava.sample.protocol}), against Twisted's own {@code twisted.trial._dist.workercommands}
 * and {@code managercommands}, both introspected under {@code /usr/bin/python3}: the same commands,
 * the same argument keys, the same types, the same responses, for the dialect the installed Twisted
 * (22.4) speaks.
 *
 * <p>The sample declares each command once for both of trial's dialects (see the protocol's
 * package-info), which shows here, and only here, as the differences listed below: the 22.10
 * commands and arguments, optional; the arguments one dialect leaves out, optional too; and the
 * sample's own {@code ClassDigest}.
 */
class TwistedDeclarationsTest {
    private static final String GENERATED = "amp_worker_commands";
    private static final List<String> TWISTED = List.of("twisted.trial._dist.workercommands",
            "twisted.trial._dist.managercommands");

    /** What Twisted 22.10 added: commands, and arguments of the Add* reports. */
    private static final Set<String> ADDED_IN_22_10_COMMANDS = Set.of("StreamOpen", "StreamWrite");
    /** The sample's own commands, which no Twisted has (a Twisted worker answers UNHANDLED). */
    private static final Set<String> AMP_JAVA_COMMANDS = Set.of("ClassDigest");
    private static final Set<String> ADDED_IN_22_10_ARGUMENTS = Set.of("AddError.errorStreamId",
            "AddError.framesStreamId", "AddFailure.failStreamId", "AddFailure.framesStreamId",
            "AddExpectedFailure.errorStreamId");
    /**
     * Arguments 22.4 requires that the sample accepts absent: the texts 22.10 sends over streams
     * instead, and {@code todo}, which Twisted fills in itself when a test gives none.
     */
    private static final Set<String> OPTIONAL_IN_THE_SAMPLE = Set.of("AddError.error", "AddError.frames",
            "AddFailure.fail", "AddFailure.frames", "AddExpectedFailure.error", "AddExpectedFailure.todo");

    /** One command as Twisted sees it. */
    private record Declared(String flags, Map<String, String> arguments, Map<String, String> response) {}

    @Test
    void theGeneratedCommandsAreTwistedsOwn() {
        TwistedPython.require(Need.TWISTED);
        Path generated = Path.of(System.getProperty("amp.python.generated", "target/generated-sources/annotations"));
        assertTrue(Files.exists(generated.resolve(GENERATED + ".py")), generated + " has no " + GENERATED
                + ".py: the build writes it (-Aamp.python.modules in this module's pom)");
        List<String> command = new ArrayList<>(List.of(Resources.path("interop/describe_commands.py").toString(),
                generated.toAbsolutePath().toString(), GENERATED));
        command.addAll(TWISTED);
        Map<String, Map<String, Declared>> byModule = parse(TwistedPython.output(command.toArray(String[]::new)));

        Map<String, Declared> ours = byModule.get(GENERATED);
        Map<String, Declared> twisted = new TreeMap<>();
        TWISTED.forEach(module -> twisted.putAll(byModule.get(module)));
        assertEquals(9, twisted.size(), "Twisted 22.4's commands: " + twisted.keySet());

        Set<String> extra = new TreeSet<>(ours.keySet());
        extra.removeAll(twisted.keySet());
        Set<String> expectedExtra = new TreeSet<>(ADDED_IN_22_10_COMMANDS);
        expectedExtra.addAll(AMP_JAVA_COMMANDS);
        assertEquals(expectedExtra, extra, "commands the sample has and Twisted 22.4 does not");
        for (Map.Entry<String, Declared> entry : twisted.entrySet()) {
            String name = entry.getKey();
            Declared theirs = entry.getValue();
            Declared mine = ours.get(name);
            assertTrue(mine != null, "the sample has no " + name);
            assertEquals(theirs.flags(), mine.flags(), name + ": answer, errors and close");
            assertEquals(theirs.response(), mine.response(), name + ": response");
            Map<String, String> arguments = new LinkedHashMap<>(mine.arguments());
            for (String key : mine.arguments().keySet()) {
                if (ADDED_IN_22_10_ARGUMENTS.contains(name + "." + key)) {
                    assertEquals("optional=True", optional(arguments.remove(key)), name + "." + key
                            + " comes from 22.10, so a 22.4 worker leaves it out");
                }
            }
            assertEquals(new TreeSet<>(theirs.arguments().keySet()), new TreeSet<>(arguments.keySet()),
                    name + ": argument keys");
            for (Map.Entry<String, String> argument : theirs.arguments().entrySet()) {
                String key = argument.getKey();
                String expected = argument.getValue();
                if (OPTIONAL_IN_THE_SAMPLE.contains(name + "." + key)) {
                    expected = expected.replace("optional=False", "optional=True");
                }
                assertEquals(expected, arguments.get(key), name + "." + key + ": type and optional");
            }
        }
    }

    private static String optional(String typeAndOptional) {
        return typeAndOptional.substring(typeAndOptional.indexOf('\t') + 1);
    }

    /** The output of describe_commands.py, by module and wire name. */
    private static Map<String, Map<String, Declared>> parse(String output) {
        Map<String, Map<String, Declared>> modules = new TreeMap<>();
        for (String line : output.lines().toList()) {
            String[] fields = line.split("\t");
            Map<String, Declared> commands = modules.computeIfAbsent(fields[1], m -> new TreeMap<>());
            switch (fields[0]) {
                case "command" -> commands.put(fields[2], new Declared(String.join(" ", List.of(fields).subList(3,
                        fields.length)), new LinkedHashMap<>(), new LinkedHashMap<>()));
                case "argument" -> commands.get(fields[2]).arguments().put(fields[3], fields[4] + "\t" + fields[5]);
                case "response" -> commands.get(fields[2]).response().put(fields[3], fields[4] + "\t" + fields[5]);
                default -> throw new IllegalStateException("unexpected line: " + line);
            }
        }
        return modules;
    }
}
