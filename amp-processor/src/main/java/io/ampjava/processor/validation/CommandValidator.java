package io.ampjava.processor.validation;

import com.palantir.javapoet.ClassName;
import io.ampjava.processor.Reporter;
import io.ampjava.processor.model.CommandModel;
import io.ampjava.processor.model.ErrorModel;
import io.ampjava.processor.model.GeneratedNames;
import io.ampjava.processor.model.RecordModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Checks an {@code @AmpCommand} interface and builds its model. */
public final class CommandValidator {
    private final Elements elements;
    private final Types types;
    private final AnnotationReader annotations;
    private final Accessibility accessibility;

    public CommandValidator(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
        this.annotations = new AnnotationReader(elements);
        this.accessibility = new Accessibility(elements);
    }

    /**
     * The command's model, or null after reporting every problem found.
     *
     * @throws UnresolvedTypeException if it refers to a type that does not exist (yet)
     */
    public CommandModel validate(TypeElement element, Reporter reporter) {
        AnnotationMirror ampCommand = annotations.find(element, AnnotationReader.AMP_COMMAND);
        if (element.getKind() != ElementKind.INTERFACE) {
            reporter.error(element, ampCommand, "@AmpCommand must be on an interface, not on "
                    + kindName(element.getKind()) + " " + element.getSimpleName()
                    + ": declare the arguments as @Argument methods of an interface");
            return null;
        }
        int before = reporter.errorCount();
        ClassName interfaceName = ClassName.get(element);
        String packageName = interfaceName.packageName();
        if (!element.getTypeParameters().isEmpty()) {
            reporter.error(element, ampCommand, "@AmpCommand interface " + element.getSimpleName() + " must not be generic");
        }
        if (!accessibility.canName(element, packageName)) {
            reporter.error(element, ampCommand, "@AmpCommand interface " + element.getSimpleName()
                    + " must be visible to its package (not private, not local) so that generated code can use it");
        }
        String wireName = annotations.string(ampCommand, "name");
        if (wireName.isEmpty()) {
            wireName = element.getSimpleName().toString();
        }
        String nameProblem = WireNameRules.checkCommandName(wireName);
        if (nameProblem != null) {
            reporter.error(element, ampCommand, annotations.explicitValue(ampCommand, "name"), nameProblem);
        }
        if (reporter.errorCount() != before) {
            return null;
        }

        RecordValidator records = new RecordValidator(elements, types, reporter, packageName);
        RecordModel arguments = records.record(element);
        Optional<RecordModel> response = response(element, records, reporter);
        List<ErrorModel> errors = new ErrorValidator(elements, types, reporter).errors(element, ampCommand, packageName);
        if (reporter.errorCount() != before) {
            return null;
        }
        List<RecordModel> elementRecords = records.elementRecords();
        if (!checkFactoryNames(element, ampCommand, elementRecords, reporter)) {
            return null;
        }
        boolean requiresAnswer = annotations.bool(ampCommand, "requiresAnswer");
        boolean closesConnection = annotations.bool(ampCommand, "closesConnection");
        boolean switchesProtocol = annotations.bool(ampCommand, "switchesProtocol");
        if (switchesProtocol && !checkSwitch(element, ampCommand, response, requiresAnswer, closesConnection, reporter)) {
            return null;
        }
        return new CommandModel(element, GeneratedNames.command(interfaceName), wireName, arguments, response,
                elementRecords, errors, requiresAnswer, closesConnection, switchesProtocol);
    }

    /**
     * A protocol switch is answered with {@code _answer} alone (Twisted's {@code _SwitchBox}), needs
     * that answer to happen at all, and leaves the connection open for the new protocol.
     */
    private boolean checkSwitch(TypeElement command, AnnotationMirror ampCommand, Optional<RecordModel> response,
            boolean requiresAnswer, boolean closesConnection, Reporter reporter) {
        AnnotationValue at = annotations.explicitValue(ampCommand, "switchesProtocol");
        String name = command.getSimpleName().toString();
        boolean fine = true;
        if (response.isPresent()) {
            reporter.error(command, ampCommand, at, "command " + name + " switches protocol, so its answer is _answer"
                    + " alone (as in Twisted): remove @Response " + response.get().interfaceName().simpleName());
            fine = false;
        }
        if (!requiresAnswer) {
            reporter.error(command, ampCommand, at, "command " + name + " switches protocol when it is answered:"
                    + " it cannot have requiresAnswer = false");
            fine = false;
        }
        if (closesConnection) {
            reporter.error(command, ampCommand, at, "command " + name + " switches protocol: the connection stays open"
                    + " for the new protocol, so it cannot have closesConnection = true");
            fine = false;
        }
        return fine;
    }

    private Optional<RecordModel> response(TypeElement command, RecordValidator records, Reporter reporter) {
        List<TypeElement> responses = new ArrayList<>();
        for (TypeElement nested : ElementFilter.typesIn(command.getEnclosedElements())) {
            if (annotations.has(nested, AnnotationReader.RESPONSE) && nested.getKind() == ElementKind.INTERFACE) {
                responses.add(nested);
            }
        }
        if (responses.isEmpty()) {
            return Optional.empty();
        }
        for (TypeElement extra : responses.subList(1, responses.size())) {
            reporter.error(extra, annotations.find(extra, AnnotationReader.RESPONSE), "command "
                    + command.getSimpleName() + " has two @Response interfaces, " + responses.get(0).getSimpleName()
                    + " and " + extra.getSimpleName() + "; a command has at most one (none means an empty answer)");
        }
        TypeElement response = responses.get(0);
        if (!response.getTypeParameters().isEmpty()) {
            reporter.error(response, "@Response interface " + response.getSimpleName() + " must not be generic");
            return Optional.empty();
        }
        return Optional.ofNullable(records.record(response));
    }

    /** Each AmpList element gets a factory in the command class; two must not share a name. */
    private boolean checkFactoryNames(TypeElement command, AnnotationMirror ampCommand, List<RecordModel> elementRecords,
            Reporter reporter) {
        Map<String, RecordModel> byName = new HashMap<>();
        boolean fine = true;
        for (RecordModel record : elementRecords) {
            String factory = GeneratedNames.elementFactory(record.interfaceName());
            RecordModel clash = byName.putIfAbsent(factory, record);
            String problem = null;
            if (GeneratedNames.COMMAND_METHODS.contains(factory)) {
                problem = "AmpList element " + record.interfaceName().canonicalName() + " would get a factory "
                        + factory + "(...) that clashes with the generated " + factory + "(...); rename the interface";
            } else if (clash != null) {
                problem = "AmpList elements " + clash.interfaceName().canonicalName() + " and "
                        + record.interfaceName().canonicalName() + " would both get the factory " + factory
                        + "(...) in the generated class; rename one";
            }
            if (problem != null) {
                reporter.error(command, ampCommand, problem);
                fine = false;
            }
        }
        return fine;
    }

    private static String kindName(ElementKind kind) {
        switch (kind) {
            case CLASS:
                return "a class";
            case ENUM:
                return "an enum";
            case ANNOTATION_TYPE:
                return "an annotation type";
            case RECORD:
                return "a record";
            default:
                return "a " + kind.toString().toLowerCase(Locale.ROOT);
        }
    }
}
