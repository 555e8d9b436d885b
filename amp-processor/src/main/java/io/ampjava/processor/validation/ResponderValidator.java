package io.ampjava.processor.validation;

import com.palantir.javapoet.TypeName;
import io.ampjava.processor.model.CommandModel;
import io.ampjava.processor.model.FieldModel;
import io.ampjava.processor.model.ResponderModel.Parameter;
import io.ampjava.processor.model.ResponderModel.Returns;
import io.ampjava.processor.model.ResponderModel;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Checks one {@code @Responder} method against its command. */
final class ResponderValidator {
    /** The names javac gives parameters of compiled code that was built without {@code -parameters}. */
    private static final Pattern SYNTHETIC_NAME = Pattern.compile("arg[0-9]+");

    private final Elements elements;
    private final Types types;
    private final AnnotationReader annotations;
    private final Accessibility accessibility;
    private final CommandValidator commands;

    ResponderValidator(Elements elements, Types types, CommandValidator commands) {
        this.elements = elements;
        this.types = types;
        this.annotations = new AnnotationReader(elements);
        this.accessibility = new Accessibility(elements);
        this.commands = commands;
    }

    /** The command interface a {@code @Responder} names, or null after an error in {@code report} that it is not one. */
    TypeElement commandOf(ExecutableElement method, ValidationReport.Builder<?> report) {
        AnnotationMirror responder = annotations.find(method, AnnotationReader.RESPONDER);
        TypeMirror type = annotations.type(method, responder, "value");
        AnnotationValue value = annotations.explicitValue(responder, "value");
        if (type.getKind() != TypeKind.DECLARED
                || !annotations.has(types.asElement(type), AnnotationReader.AMP_COMMAND)) {
            report.error(method, responder, value, "@Responder(" + simpleName(type) + ".class) must name an"
                    + " @AmpCommand interface, and " + simpleName(type) + " is not one");
            return null;
        }
        return (TypeElement) types.asElement(type);
    }

    /**
     * The report on one responder method. The command's own errors are not in it: they belong to the
     * command, whose step reports them where it is declared.
     *
     * @throws UnresolvedTypeException if it refers to a type that does not exist (yet)
     */
    ValidationReport<ResponderModel> validate(ExecutableElement method, TypeElement commandElement, DeclaredType target,
            String locatorPackage) {
        ValidationReport.Builder<ResponderModel> report = ValidationReport.about(method);
        AnnotationMirror responder = annotations.find(method, AnnotationReader.RESPONDER);
        CommandModel command = commands.validate(commandElement).model().orElse(null);
        String name = method.getSimpleName().toString();
        if (command == null) {
            return report.error(method, responder, "responder " + name + "() answers " + commandElement.getSimpleName()
                    + ", which is not a valid @AmpCommand: fix the errors reported on it").invalid();
        }
        if (!accessibility.canUse(method, locatorPackage)) {
            report.error(method, responder, "responder " + name + "() must be visible to the generated locator in "
                    + locatorPackage + ": make it " + (method.getModifiers().contains(Modifier.PRIVATE)
                            ? "package-private or public" : "public"));
        }
        if (!method.getTypeParameters().isEmpty()) {
            report.error(method, responder, "responder " + name + "() must not be generic");
        }
        // As a member of the target, so that a responder inherited from a generic superclass has its real types.
        ExecutableType signature = (ExecutableType) types.asMemberOf(target, method);
        List<Parameter> parameters = parameters(method, signature, command, report);
        Returns returns = returns(method, signature, command, report);
        return report.build(new ResponderModel(method, command, parameters, returns,
                method.getModifiers().contains(Modifier.STATIC)));
    }

    private List<Parameter> parameters(ExecutableElement method, ExecutableType signature, CommandModel command,
            ValidationReport.Builder<?> report) {
        List<Parameter> result = new ArrayList<>();
        TypeMirror connectionType = typeOf("io.ampjava.dispatch.AmpConnection");
        TypeMirror commandType = command.element().asType();
        boolean connection = false;
        boolean all = false;
        String methodName = method.getSimpleName().toString();
        for (int i = 0; i < method.getParameters().size(); i++) {
            VariableElement parameter = method.getParameters().get(i);
            TypeMirror type = signature.getParameterTypes().get(i);
            String name = parameter.getSimpleName().toString();
            if (type.getKind() == TypeKind.ERROR) {
                throw new UnresolvedTypeException(parameter, "the type " + type + " of parameter " + name);
            }
            if (connectionType != null && types.isSameType(type, connectionType)) {
                if (connection) {
                    report.error(parameter, "responder " + methodName + "() takes the AmpConnection twice");
                }
                connection = true;
                result.add(new Parameter.Connection());
                continue;
            }
            if (types.isSameType(type, commandType)) {
                if (all) {
                    report.error(parameter, "responder " + methodName + "() takes " + command.element().getSimpleName()
                            + " twice");
                }
                all = true;
                result.add(new Parameter.AllArguments());
                continue;
            }
            FieldModel field = command.arguments().fields().stream()
                    .filter(f -> f.javaName().equals(name))
                    .findFirst()
                    .orElse(null);
            if (field == null) {
                report.error(parameter, "parameter " + name + " of responder " + methodName + "() matches no"
                        + " argument of " + command.element().getSimpleName() + " ("
                        + describeArguments(command) + "); parameters match arguments by name, or take "
                        + command.element().getSimpleName() + " itself, or the AmpConnection"
                        + (SYNTHETIC_NAME.matcher(name).matches()
                                ? " (parameter names of compiled classes are only known with javac -parameters)" : ""));
                continue;
            }
            if (!types.isAssignable(field.type(), type)) {
                report.error(parameter, "parameter " + name + " of responder " + methodName + "() is " + type
                        + ", but argument " + name + " of " + command.element().getSimpleName() + " is " + field.type());
                continue;
            }
            if (field.optional() && type.getKind().isPrimitive()) {
                // Unboxing an absent argument would throw NullPointerException on every request without it.
                report.error(parameter, "parameter " + name + " of responder " + methodName + "() is " + type
                        + ", but argument " + name + " of " + command.element().getSimpleName() + " is optional,"
                        + " so it is null when absent: take " + field.type() + " instead");
                continue;
            }
            result.add(new Parameter.ArgumentValue(field));
        }
        return result;
    }

    private Returns returns(ExecutableElement method, ExecutableType signature, CommandModel command,
            ValidationReport.Builder<?> report) {
        TypeMirror returned = signature.getReturnType();
        if (returned.getKind() == TypeKind.ERROR) {
            throw new UnresolvedTypeException(method, "the return type " + returned);
        }
        TypeElement stageElement = elements.getTypeElement("java.util.concurrent.CompletionStage");
        String methodName = method.getSimpleName().toString();
        String commandName = command.element().getSimpleName().toString();
        if (command.switchesProtocol()) {
            return switchReturns(method, returned, stageElement, commandName, report);
        }
        if (command.response().isEmpty()) {
            if (returned.getKind() == TypeKind.VOID) {
                return Returns.VOID;
            }
            DeclaredType voidStage = types.getDeclaredType(stageElement, typeOf("java.lang.Void"));
            if (types.isAssignable(returned, voidStage)) {
                return Returns.STAGE;
            }
            report.error(method, "responder " + methodName + "() must return void or CompletionStage<Void>: "
                    + commandName + " has no @Response, so its answer is empty; it returns " + returned);
            return null;
        }
        TypeMirror response = command.response().get().element().asType();
        if (returned.getKind() != TypeKind.VOID && types.isAssignable(returned, response)) {
            return Returns.VALUE;
        }
        if (types.isAssignable(returned, types.getDeclaredType(stageElement, response))) {
            return Returns.STAGE;
        }
        String responseName = TypeName.get(response).toString();
        report.error(method, "responder " + methodName + "() must return " + responseName + " or CompletionStage<"
                + responseName + ">, the response of " + commandName + "; it returns " + returned);
        return null;
    }

    /** A switching command's responder returns the protocol to switch to, or a stage of it. */
    private Returns switchReturns(ExecutableElement method, TypeMirror returned, TypeElement stageElement,
            String commandName, ValidationReport.Builder<?> report) {
        TypeMirror protocol = typeOf("io.ampjava.dispatch.SwitchedProtocol");
        if (protocol == null) {
            report.error(method, "responder " + method.getSimpleName() + "() answers " + commandName
                    + ", which switches protocol: that needs io.ampjava.dispatch.SwitchedProtocol from amp-runtime"
                    + " on the classpath");
            return null;
        }
        if (returned.getKind() != TypeKind.VOID && types.isAssignable(returned, protocol)) {
            return Returns.VALUE;
        }
        DeclaredType stage = types.getDeclaredType(stageElement, types.getWildcardType(protocol, null));
        if (types.isAssignable(returned, stage)) {
            return Returns.STAGE;
        }
        report.error(method, "responder " + method.getSimpleName() + "() must return a SwitchedProtocol or a"
                + " CompletionStage of one: " + commandName + " switches the connection to the protocol it returns;"
                + " it returns " + returned);
        return null;
    }

    private static String describeArguments(CommandModel command) {
        if (command.arguments().fields().isEmpty()) {
            return "it has none";
        }
        return command.arguments().fields().stream().map(FieldModel::javaName).collect(Collectors.joining(", "));
    }

    private TypeMirror typeOf(String qualifiedName) {
        TypeElement element = elements.getTypeElement(qualifiedName);
        return element == null ? null : element.asType();
    }

    private static String simpleName(TypeMirror type) {
        String name = type.toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
