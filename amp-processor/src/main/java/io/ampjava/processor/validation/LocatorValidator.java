package io.ampjava.processor.validation;

import com.palantir.javapoet.ClassName;
import io.ampjava.processor.Reporter;
import io.ampjava.processor.model.CommandModel;
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
import java.util.function.Function;
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
    private final Elements elements;
    private final Types types;
    private final AnnotationReader annotations;
    private final Accessibility accessibility;

    public LocatorValidator(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
        this.annotations = new AnnotationReader(elements);
        this.accessibility = new Accessibility(elements);
    }

    /**
     * The locator's model, or null after reporting every problem found.
     *
     * @param commands the model of a valid command interface, or null if it has errors
     * @throws UnresolvedTypeException if a responder refers to a type that does not exist (yet)
     */
    public LocatorModel validate(TypeElement target, Reporter reporter, Function<TypeElement, CommandModel> commands) {
        int before = reporter.errorCount();
        ClassName targetName = ClassName.get(target);
        String packageName = targetName.packageName();
        if (target.getKind() == ElementKind.ANNOTATION_TYPE) {
            reporter.error(target, "@Responder methods cannot be in an annotation type");
            return null;
        }
        if (!target.getTypeParameters().isEmpty()) {
            reporter.error(target, "a class with @Responder methods must not be generic: " + target.getSimpleName()
                    + " has type parameters (put the responders in a non-generic subclass)");
            return null;
        }
        if (target.getNestingKind() == NestingKind.LOCAL || target.getNestingKind() == NestingKind.ANONYMOUS
                || !accessibility.canName(target, packageName)) {
            reporter.error(target, "a class with @Responder methods must be visible to its package (not private,"
                    + " not local or anonymous) so that the generated " + GeneratedNames.locator(targetName).simpleName()
                    + " can use it");
            return null;
        }
        ResponderValidator validator = new ResponderValidator(elements, types, reporter, commands);
        DeclaredType targetType = (DeclaredType) target.asType();
        Map<String, ResponderModel> byWireName = new HashMap<>();
        List<ResponderModel> responders = new ArrayList<>();
        for (Found found : respondersByCommand(target, validator, reporter).values()) {
            ExecutableElement method = found.method();
            ResponderModel responder = validator.validate(method, found.command(), targetType, packageName);
            if (responder == null) {
                continue;
            }
            ResponderModel clash = byWireName.putIfAbsent(responder.command().wireName(), responder);
            if (clash != null) {
                reporter.error(method, "responders " + clash.methodName() + "() and " + responder.methodName()
                        + "() answer two commands with the same wire name '" + responder.command().wireName()
                        + "'; one locator can only answer it once");
                continue;
            }
            responders.add(responder);
        }
        if (reporter.errorCount() != before) {
            return null;
        }
        responders.sort(Comparator.comparing(r -> r.command().wireName()));
        return new LocatorModel(target, targetName, GeneratedNames.locator(targetName), responders);
    }

    /**
     * The {@code @Responder} methods of {@code target} and its supertypes, one per command: the class
     * first, then its superclasses, then interfaces, so that the first one met for a command wins.
     */
    private Map<String, Found> respondersByCommand(TypeElement target, ResponderValidator validator,
            Reporter reporter) {
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
                TypeElement command = validator.commandOf(method);
                if (command == null) {
                    continue;
                }
                String key = command.getQualifiedName().toString();
                ExecutableElement twin = declaredHere.putIfAbsent(key, method);
                if (twin != null) {
                    reporter.error(method, "two @Responder methods of " + type.getSimpleName() + " answer "
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
