package io.ampjava.schema;

import java.util.List;
import java.util.Objects;

/**
 * What travels for one AMP command, for tools that speak it without its Java classes: its wire name,
 * its arguments and response fields, its declared errors and its flags. Every generated command has
 * one ({@code DivideCommand.COMMAND.schema()}); {@code io.ampjava.dispatch.CommandIndex} finds the
 * generated commands of a class path.
 *
 * @param name the command's wire name
 * @param arguments its arguments, in declaration order
 * @param response the fields of its answer, in declaration order; empty for an empty answer
 * @param errors its declared errors, in declaration order
 * @param requiresAnswer whether a caller asks for an answer ({@code _ask})
 * @param closesConnection whether the responder closes the connection after answering (Twisted's {@code QuitBox})
 * @param switchesProtocol whether a successful answer switches the connection to another protocol
 */
public record CommandSchema(
        String name,
        List<FieldSchema> arguments,
        List<FieldSchema> response,
        List<ErrorSchema> errors,
        boolean requiresAnswer,
        boolean closesConnection,
        boolean switchesProtocol) {
    /**
     * Copies the lists.
     *
     * @param name the command's wire name
     * @param arguments its arguments
     * @param response the fields of its answer
     * @param errors its declared errors
     * @param requiresAnswer whether a caller asks for an answer
     * @param closesConnection whether the responder closes the connection after answering
     * @param switchesProtocol whether a successful answer switches protocol
     */
    public CommandSchema {
        Objects.requireNonNull(name, "name");
        arguments = List.copyOf(arguments);
        response = List.copyOf(response);
        errors = List.copyOf(errors);
    }
}
