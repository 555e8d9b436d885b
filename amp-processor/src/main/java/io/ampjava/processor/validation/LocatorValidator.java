package io.ampjava.processor.validation;

import com.palantir.javapoet.ClassName;
import io.ampjava.processor.model.GeneratedNames;
import io.ampjava.processor.model.LocatorModel;
import io.ampjava.processor.model.ResponderModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks a class with {@code @Responder} methods and builds its locator's model. The responders of
 * its superclasses and interfaces count too; for one command, the one declared lowest in the
 * hierarchy wins (as a subclass overrides a responder in Twisted by registering the command again).
 */
public final class LocatorValidator {
    private final Types types;
    private final AnnotationReader annotations;
    private final Accessibility accessibility;
    private final ResponderValidator responders;
    private final UserTypes userTypes;

    /**
     * @param commands where the commands the responders answer are checked
     * @param userTypes the user's classes, which generated classes must not be named like
     */
    public LocatorValidator(Elements elements, Types types, CommandValidator commands, UserTypes userTypes) {
        this.userTypes = userTypes;
        this.types = types;
        this.annotations = new AnnotationReader(elements);
        this.accessibility = new Accessibility(elements);
        this.responders = new ResponderValidator(elements, types, commands);
    }

    /**
     * The report on a class with {@code @Responder} methods, with its locator's model when clean.
     *
     * @throws UnresolvedTypeException if a responder refers to a type that does not exist (yet)
     */
    public ValidationReport<LocatorModel> validate(TypeElement target) {
        ValidationReport.Builder<LocatorModel> report = ValidationReport.about(target);
        ClassName targetName = ClassName.get(target);
        String packageName = targetName.packageName();
        if (target.getKind() == ElementKind.ANNOTATION_TYPE) {
            return report.error(target, "@Responder methods cannot be in an annotation type").invalid();
        }
        if (!target.getTypeParameters().isEmpty()) {
            return report.error(target, "a class with @Responder methods must not be generic: " + target.getSimpleName()
                    + " has type parameters (put the responders in a non-generic subclass)").invalid();
        }
        if (target.getNestingKind() == NestingKind.LOCAL || target.getNestingKind() == NestingKind.ANONYMOUS
                || !accessibility.canName(target, packageName)) {
            return report.error(target, "a class with @Responder methods must be visible to its package (not private,"
                    + " not local or anonymous) so that the generated " + GeneratedNames.locator(targetName).simpleName()
                    + " can use it").invalid();
        }
        ClassName generatedName = GeneratedNames.locator(targetName);
        if (userTypes.contains(generatedName.canonicalName())) {
            return report.error(target, "the locator generated for " + targetName.canonicalName() + " would be named "
                    + generatedName.canonicalName() + ", like your class " + generatedName.canonicalName()
                    + ": rename one of the two classes").invalid();
        }
        DeclaredType targetType = (DeclaredType) target.asType();
        Map<String, ResponderModel> byWireName = new HashMap<>();
        List<ResponderModel> found = new ArrayList<>();
        for (Found candidate : respondersByCommand(target, report).values()) {
            ExecutableElement method = candidate.method();
            ResponderModel responder = report.add(responders.validate(method, candidate.command(), targetType, packageName));
            if (responder == null) {
                continue;
            }
            ResponderModel clash = byWireName.putIfAbsent(responder.command().wireName(), responder);
            if (clash != null) {
                report.error(method, "responders " + clash.methodName() + "() and " + responder.methodName()
                        + "() answer two commands with the same wire name '" + responder.command().wireName()
                        + "'; one locator can only answer it once");
                continue;
            }
            found.add(responder);
        }
        found.sort(Comparator.comparing(r -> r.command().wireName()));
        return report.build(new LocatorModel(target, targetName, generatedName, found));
    }

    /**
     * The {@code @Responder} methods of {@code target} and its supertypes, one per command: the class
     * first, then its superclasses, then interfaces, so that the first one met for a command wins.
     */
    private Map<String, Found> respondersByCommand(TypeElement target, ValidationReport.Builder<?> report) {
        Map<String, Found> result = new LinkedHashMap<>();
        Set<String> visited = new HashSet<>();
        List<TypeElement> hierarchy = new ArrayList<>();
        for (TypeElement type = target; type != null; type = superclass(type)) {
            hierarchy.add(type);
        }
        List<TypeElement> interfaces = new ArrayList<>();
        for (TypeElement type : hierarchy) {
            addInterfaces(type, interfaces);
        }
        hierarchy.addAll(interfaces);
        for (TypeElement type : hierarchy) {
            if (!visited.add(type.getQualifiedName().toString())) {
                continue;
            }
            Map<String, ExecutableElement> declaredHere = new HashMap<>();
            for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                if (!annotations.has(method, AnnotationReader.RESPONDER)) {
                    continue;
                }
                TypeElement command = responders.commandOf(method, report);
                if (command == null) {
                    continue;
                }
                String key = command.getQualifiedName().toString();
                ExecutableElement twin = declaredHere.putIfAbsent(key, method);
                if (twin != null) {
                    report.error(method, "two @Responder methods of " + type.getSimpleName() + " answer "
                            + command.getSimpleName() + ": " + twin.getSimpleName() + "() and " + method.getSimpleName()
                            + "(); keep one");
                    continue;
                }
                result.putIfAbsent(key, new Found(method, command));
            }
        }
        return result;
    }

    /** A responder method and the command it answers. */
    private record Found(ExecutableElement method, TypeElement command) {}

    private TypeElement superclass(TypeElement type) {
        TypeMirror superclass = type.getSuperclass();
        if (superclass.getKind() == TypeKind.ERROR) {
            throw new UnresolvedTypeException(type, "the superclass " + superclass);
        }
        if (superclass.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) types.asElement(superclass);
        return element.getQualifiedName().contentEquals("java.lang.Object") ? null : element;
    }

    private void addInterfaces(TypeElement type, List<TypeElement> into) {
        for (TypeMirror superinterface : type.getInterfaces()) {
            if (superinterface.getKind() == TypeKind.ERROR) {
                throw new UnresolvedTypeException(type, "the interface " + superinterface);
            }
            TypeElement element = (TypeElement) types.asElement(superinterface);
            into.add(element);
            addInterfaces(element, into);
        }
    }
}
