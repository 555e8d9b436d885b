package io.ampjava.processor.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * One {@code @Responder} method, bound to its command.
 *
 * @param method the method
 * @param command the command it answers
 * @param parameters what each parameter receives, in the method's order
 * @param returns what the method returns
 * @param isStatic whether it is called on the class rather than on the target
 */
public record ResponderModel(
        ExecutableElement method,
        CommandModel command,
        List<Parameter> parameters,
        Returns returns,
        boolean isStatic) {
    public ResponderModel {
        parameters = List.copyOf(parameters);
    }

    public String methodName() {
        return method.getSimpleName().toString();
    }

    /** What a responder parameter receives. */
    public sealed interface Parameter {
        /** One argument, matched by name. */
        record ArgumentValue(FieldModel field) implements Parameter {}

        /** All the arguments, as the command interface. */
        record AllArguments() implements Parameter {}

        /** The connection the request came on. */
        record Connection() implements Parameter {}
    }

    /** The shape of a responder's result. */
    public enum Returns {
        /** The response itself (for a protocol-switching command, the protocol to switch to). */
        VALUE,
        /** A {@code CompletionStage} of the response (or of {@code Void}, or of the protocol to switch to). */
        STAGE,
        /** Nothing: the command has an empty response. */
        VOID
    }
}
