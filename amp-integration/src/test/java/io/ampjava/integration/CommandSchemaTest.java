package io.ampjava.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.dispatch.Command;
import io.ampjava.dispatch.CommandIndex;
import io.ampjava.schema.AmpType;
import io.ampjava.schema.CommandSchema;
import io.ampjava.schema.ErrorSchema;
import io.ampjava.schema.FieldSchema;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The schemas of this module's commands, as the processor wrote them during the build, and the
 * index that finds them on the class path the way a tool finds them in a jar.
 */
class CommandSchemaTest {
    @Test
    void theIndexOfThisModuleFindsEveryCommandItDeclares() throws IOException {
        Map<String, CommandSchema> byName = CommandIndex.commands(getClass().getClassLoader()).stream()
                .map(command -> command.schema().orElseThrow())
                .collect(Collectors.toMap(CommandSchema::name, Function.identity()));
        for (Command<?, ?> command : List.of(DivideCommand.COMMAND, EchoCommand.COMMAND, SwitchToEchoCommand.COMMAND,
                PutAllCommand.COMMAND, GoodbyeCommand.COMMAND)) {
            assertEquals(command.schema().orElseThrow(), byName.get(command.name()), command.name());
        }
        assertTrue(CommandIndex.classNames(getClass().getClassLoader()).contains(DivideCommand.class.getName()));
    }

    @Test
    void argumentsResponseAndErrors() {
        CommandSchema fail = FailCommand.COMMAND.schema().orElseThrow();
        assertEquals(new CommandSchema("Fail", List.of(FieldSchema.required("mode", AmpType.UNICODE)), List.of(),
                List.of(new ErrorSchema("DECLARED", false, DeclaredFailure.class.getName()),
                        new ErrorSchema("FATAL", true, FatalFailure.class.getName()),
                        new ErrorSchema("CHECKED", false, CheckedFailure.class.getName())),
                true, false, false), fail);
        assertEquals(List.of(FieldSchema.required("result", AmpType.FLOAT)),
                DivideCommand.COMMAND.schema().orElseThrow().response());
    }

    @Test
    void everyTypeUnderItsWireName() {
        AmpType.AmpList item = AmpType.ampList(List.of(FieldSchema.required("x", AmpType.INTEGER),
                FieldSchema.optional("label", AmpType.UNICODE)));
        AmpType.AmpList tree = AmpType.ampList(List.of(FieldSchema.required("name", AmpType.UNICODE),
                FieldSchema.required("children", AmpType.ampList(List.of(FieldSchema.required("x", AmpType.INTEGER))))));
        List<FieldSchema> fields = List.of(
                FieldSchema.optional("integer", AmpType.INTEGER),
                FieldSchema.optional("string", AmpType.STRING),
                FieldSchema.optional("unicode", AmpType.UNICODE),
                FieldSchema.optional("bool", AmpType.BOOLEAN),
                FieldSchema.optional("float", AmpType.FLOAT),
                FieldSchema.optional("decimal", AmpType.DECIMAL),
                FieldSchema.optional("datetime", AmpType.DATE_TIME),
                FieldSchema.optional("path", AmpType.PATH),
                FieldSchema.optional("integers", AmpType.listOf(AmpType.INTEGER)),
                FieldSchema.optional("unicodes", AmpType.listOf(AmpType.UNICODE)),
                FieldSchema.optional("decimals", AmpType.listOf(AmpType.DECIMAL)),
                FieldSchema.optional("datetimes", AmpType.listOf(AmpType.DATE_TIME)),
                FieldSchema.optional("items", item),
                FieldSchema.optional("nested", tree));
        CommandSchema echo = EchoCommand.COMMAND.schema().orElseThrow();
        assertEquals("EchoTypes", echo.name());
        assertEquals(fields, echo.arguments());
        assertEquals(fields, echo.response(), "the response extends the arguments' interface");
        assertEquals(AmpType.DESCRIPTOR, WriteDescriptorCommand.COMMAND.schema().orElseThrow().arguments().get(0).type());
    }

    @Test
    void flags() {
        CommandSchema notify = NotifyCommand.COMMAND.schema().orElseThrow();
        assertFalse(notify.requiresAnswer());
        assertTrue(GoodbyeCommand.COMMAND.schema().orElseThrow().closesConnection());
        CommandSchema switching = SwitchToEchoCommand.COMMAND.schema().orElseThrow();
        assertTrue(switching.switchesProtocol());
        assertEquals(List.of(), switching.response());
        assertEquals(List.of(new ErrorSchema("REFUSED", false, SwitchRefused.class.getName())), switching.errors());
    }
}
