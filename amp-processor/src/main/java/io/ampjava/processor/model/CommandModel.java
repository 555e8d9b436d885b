package io.ampjava.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * An {@code @AmpCommand} interface, checked and ready to generate from.
 *
 * @param element the interface
 * @param generatedName the class generated for it, e.g. {@code p.DivideCommand}
 * @param wireName the command's name on the wire
 * @param arguments the interface's arguments
 * @param response the nested {@code @Response}, if any
 * @param elements the {@code AmpList} element records used at any depth that the generated class can
 *     name (it has a factory for each), nested ones before those that hold them
 * @param errors the declared errors, in declaration order
 * @param requiresAnswer whether the caller asks for an answer
 * @param closesConnection whether the responder closes the connection after answering
 * @param switchesProtocol whether a successful answer switches the connection to another protocol
 */
public record CommandModel(
        TypeElement element,
        ClassName generatedName,
        String wireName,
        RecordModel arguments,
        Optional<RecordModel> response,
        List<RecordModel> elements,
        List<ErrorModel> errors,
        boolean requiresAnswer,
        boolean closesConnection,
        boolean switchesProtocol) {
    public CommandModel {
        elements = List.copyOf(elements);
        errors = List.copyOf(errors);
    }

    public ClassName interfaceName() {
        return arguments.interfaceName();
    }
}
