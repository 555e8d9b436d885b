package io.ampjava.processor.validation;

import com.palantir.javapoet.ClassName;
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
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks an {@code @AmpCommand} interface and builds its model. One for the whole compilation: the
 * report of each command is kept per type, so that a locator uses the very report its command's step
 * printed instead of checking the command again.
 */
public final class CommandValidator {
    private final AnnotationReader annotations;
    private final Accessibility accessibility;
    private final RecordValidator records;
    private final ErrorValidator errors;
    private final UserTypes userTypes;
    /** By element, whose identity is the type's in one round (a later round's element is checked anew). */
    private final Map<TypeElement, ValidationReport<CommandModel>> reports = new HashMap<>();

    /** @param userTypes the user's classes, which generated classes must not be named like */
    public CommandValidator(Elements elements, Types types, UserTypes userTypes) {
        this.userTypes = userTypes;
        this.annotations = new AnnotationReader(elements);
        this.accessibility = new Accessibility(elements);
        this.records = new RecordValidator(elements, types, userTypes);
        this.errors = new ErrorValidator(elements, types);
    }

    /**
     * The report on {@code element}, with the command's model when it is clean; checked once.
     *
     * @throws UnresolvedTypeException if it refers to a type that does not exist (yet)
     */
    public ValidationReport<CommandModel> validate(TypeElement element) {
        ValidationReport<CommandModel> report = reports.get(element);
        if (report == null) {
            report = check(element);
            reports.put(element, report);
        }
        return report;
    }

    private ValidationReport<CommandModel> check(TypeElement element) {
        ValidationReport.Builder<CommandModel> report = ValidationReport.about(element);
        AnnotationMirror ampCommand = annotations.find(element, AnnotationReader.AMP_COMMAND);
        if (element.getKind() != ElementKind.INTERFACE) {
            return report.error(element, ampCommand, "@AmpCommand must be on an interface, not on "
                    + kindName(element.getKind()) + " " + element.getSimpleName()
                    + ": declare the arguments as @Argument methods of an interface").invalid();
        }
        ClassName interfaceName = ClassName.get(element);
        String packageName = interfaceName.packageName();
        if (!element.getTypeParameters().isEmpty()) {
            report.error(element, ampCommand, "@AmpCommand interface " + element.getSimpleName() + " must not be generic");
        }
        if (!accessibility.canName(element, packageName)) {
            report.error(element, ampCommand, "@AmpCommand interface " + element.getSimpleName()
                    + " must be visible to its package (not private, not local) so that generated code can use it");
        }
        String wireName = annotations.string(ampCommand, "name");
        if (wireName.isEmpty()) {
            wireName = element.getSimpleName().toString();
        }
        String nameProblem = WireNameRules.checkCommandName(wireName);
        if (nameProblem != null) {
            report.error(element, ampCommand, annotations.explicitValue(ampCommand, "name"), nameProblem);
        }
        ClassName generatedName = generatedName(element, ampCommand, interfaceName, report);
        if (!report.isClean()) {
            return report.invalid();
        }

        RecordModel arguments = report.add(records.record(element, packageName));
        Optional<RecordModel> response = response(element, packageName, report);
        List<ErrorModel> declaredErrors = report.add(errors.errors(element, ampCommand, packageName));
        if (!report.isClean()) {
            return report.invalid();
        }
        List<RecordModel> used = elementsUsed(arguments, response);
        if (response.isEmpty()) {
            checkForgottenResponse(element, used, report);
        }
        List<RecordModel> elementRecords = new ArrayList<>(used);
        elementRecords.removeIf(record -> !accessibility.canName(record.element(), packageName));
        checkFactoryNames(element, ampCommand, elementRecords, report);
        boolean requiresAnswer = annotations.bool(ampCommand, "requiresAnswer");
        boolean closesConnection = annotations.bool(ampCommand, "closesConnection");
        boolean switchesProtocol = annotations.bool(ampCommand, "switchesProtocol");
        if (switchesProtocol) {
            checkSwitch(element, ampCommand, response, requiresAnswer, closesConnection, report);
        }
        return report.build(new CommandModel(element, generatedName, wireName, arguments,
                response, elementRecords, declaredErrors, requiresAnswer, closesConnection, switchesProtocol));
    }

    /**
     * The class to generate: named by {@code className}, or after the interface; null after an error
     * when that name is no Java class name or is the name of one of the user's classes.
     */
    private ClassName generatedName(TypeElement command, AnnotationMirror ampCommand, ClassName interfaceName,
            ValidationReport.Builder<?> report) {
        String className = annotations.string(ampCommand, "className");
        AnnotationValue explicit = annotations.explicitValue(ampCommand, "className");
        if (!className.isEmpty() && (!SourceVersion.isIdentifier(className) || SourceVersion.isKeyword(className))) {
            report.error(command, ampCommand, explicit, "className \"" + className + "\" is not a Java class name: give"
                    + " the simple name of the class to generate, such as \"" + command.getSimpleName() + "Calls\"");
            return null;
        }
        ClassName generated = GeneratedNames.command(interfaceName, className);
        if (userTypes.contains(generated.canonicalName())) {
            report.error(command, ampCommand, explicit, "the class generated for command " + interfaceName.canonicalName()
                    + " would be named " + generated.canonicalName() + ", like your class " + generated.canonicalName()
                    + ": name the generated class with @AmpCommand(className = \"...\"), or rename yours");
            return null;
        }
        return generated;
    }

    /** The {@code AmpList} element records used at any depth, nested ones before those that hold them, each once. */
    private static List<RecordModel> elementsUsed(RecordModel arguments, Optional<RecordModel> response) {
        List<RecordModel> used = new ArrayList<>(arguments.elements());
        response.ifPresent(record -> record.elements().stream().filter(e -> !used.contains(e)).forEach(used::add));
        return used;
    }

    /**
     * A protocol switch is answered with {@code _answer} alone (Twisted's {@code _SwitchBox}), needs
     * that answer to happen at all, and leaves the connection open for the new protocol.
     */
    private void checkSwitch(TypeElement command, AnnotationMirror ampCommand, Optional<RecordModel> response,
            boolean requiresAnswer, boolean closesConnection, ValidationReport.Builder<?> report) {
        AnnotationValue at = annotations.explicitValue(ampCommand, "switchesProtocol");
        String name = command.getSimpleName().toString();
        if (response.isPresent()) {
            report.error(command, ampCommand, at, "command " + name + " switches protocol, so its answer is _answer"
                    + " alone (as in Twisted): remove @Response " + response.get().interfaceName().simpleName());
        }
        if (!requiresAnswer) {
            report.error(command, ampCommand, at, "command " + name + " switches protocol when it is answered:"
                    + " it cannot have requiresAnswer = false");
        }
        if (closesConnection) {
            report.error(command, ampCommand, at, "command " + name + " switches protocol: the connection stays open"
                    + " for the new protocol, so it cannot have closesConnection = true");
        }
    }

    /** The response's record, if the command has one; empty also when it is invalid (errors in {@code report}). */
    private Optional<RecordModel> response(TypeElement command, String packageName, ValidationReport.Builder<?> report) {
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
            report.error(extra, annotations.find(extra, AnnotationReader.RESPONSE), "command "
                    + command.getSimpleName() + " has two @Response interfaces, " + responses.get(0).getSimpleName()
                    + " and " + extra.getSimpleName() + "; a command has at most one (none means an empty answer)");
        }
        TypeElement response = responses.get(0);
        if (!response.getTypeParameters().isEmpty()) {
            report.error(response, "@Response interface " + response.getSimpleName() + " must not be generic");
            return Optional.empty();
        }
        return Optional.ofNullable(report.add(records.record(response, packageName)));
    }

    /**
     * An interface nested in a command without a {@code @Response}, declaring {@code @Argument}s that
     * no AmpList of the command uses, is the answer someone forgot to mark: without the error the
     * answer would be empty, and the caller's code would fail to compile far from the cause.
     */
    private void checkForgottenResponse(TypeElement command, List<RecordModel> used, ValidationReport.Builder<?> report) {
        for (TypeElement nested : ElementFilter.typesIn(command.getEnclosedElements())) {
            if (nested.getKind() != ElementKind.INTERFACE || annotations.has(nested, AnnotationReader.AMP_COMMAND)
                    || used.stream().anyMatch(record -> record.element().equals(nested))) {
                continue;
            }
            boolean declaresArguments = ElementFilter.methodsIn(nested.getEnclosedElements()).stream()
                    .anyMatch(method -> annotations.has(method, AnnotationReader.ARGUMENT));
            if (declaresArguments) {
                report.error(nested, "interface " + nested.getSimpleName() + " in command " + command.getSimpleName()
                        + " declares @Arguments, but " + command.getSimpleName() + " has no @Response and uses it in"
                        + " no AmpList: add @Response to " + nested.getSimpleName() + " to make it the answer"
                        + " (without one, the answer is empty)");
            }
        }
    }

    /** Each AmpList element gets a factory in the command class; two must not share a name. */
    private void checkFactoryNames(TypeElement command, AnnotationMirror ampCommand, List<RecordModel> elementRecords,
            ValidationReport.Builder<?> report) {
        Map<String, RecordModel> byName = new HashMap<>();
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
                report.error(command, ampCommand, problem);
            }
        }
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
