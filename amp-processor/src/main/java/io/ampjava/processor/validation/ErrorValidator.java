package io.ampjava.processor.validation;

import com.palantir.javapoet.ClassName;
import io.ampjava.processor.model.ErrorModel;
import io.ampjava.processor.python.PythonNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Checks the {@code errors} of an {@code @AmpCommand}. */
final class ErrorValidator {
    /** The code the runtime gives to a command nobody answers; declaring it would hide that case. */
    private static final String UNHANDLED = "UNHANDLED";

    private final Elements elements;
    private final Types types;
    private final AnnotationReader annotations;
    private final Accessibility accessibility;

    ErrorValidator(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
        this.annotations = new AnnotationReader(elements);
        this.accessibility = new Accessibility(elements);
    }

    /** The report on the declared errors, with them in order when clean. */
    ValidationReport<List<ErrorModel>> errors(TypeElement command, AnnotationMirror ampCommand, String packageName) {
        ValidationReport.Builder<List<ErrorModel>> report = ValidationReport.about(command);
        List<ErrorModel> result = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<String> exceptions = new HashSet<>();
        for (AnnotationValue value : annotations.list(ampCommand, "errors")) {
            AnnotationMirror error = (AnnotationMirror) value.getValue();
            String code = annotations.string(error, "code");
            TypeMirror exception = annotations.type(command, error, "exception");
            if (code.isEmpty()) {
                report.error(command, ampCommand, value, "an @AmpError code must not be empty");
                continue;
            }
            if (code.equals(UNHANDLED)) {
                report.error(command, ampCommand, value, "the error code UNHANDLED is reserved: AMP answers it"
                        + " for a command the peer does not know");
                continue;
            }
            if (!codes.add(code)) {
                report.error(command, ampCommand, value, "the error code " + code + " is declared twice");
                continue;
            }
            ErrorModel model = error(command, ampCommand, value, code, exception, packageName, report);
            if (model != null && !exceptions.add(model.exception().canonicalName())) {
                report.error(command, ampCommand, value, "the exception " + model.exception().simpleName()
                        + " is declared twice: each exception maps to one code");
                continue;
            }
            if (model != null) {
                result.add(model);
            }
        }
        return report.build(result);
    }

    private ErrorModel error(TypeElement command, AnnotationMirror ampCommand, AnnotationValue value, String code,
            TypeMirror exception, String packageName, ValidationReport.Builder<?> report) {
        if (exception.getKind() != TypeKind.DECLARED) {
            report.error(command, ampCommand, value, "the exception of error " + code + " must be a class");
            return null;
        }
        TypeElement type = (TypeElement) types.asElement(exception);
        String name = type.getSimpleName().toString();
        if (!accessibility.canName(type, packageName)) {
            report.error(command, ampCommand, value, "exception " + type.getQualifiedName() + " of error " + code
                    + " is not accessible from " + packageName + ": make it public");
            return null;
        }
        boolean instantiable = !type.getModifiers().contains(Modifier.ABSTRACT)
                && (type.getNestingKind() == NestingKind.TOP_LEVEL || type.getModifiers().contains(Modifier.STATIC));
        boolean messageConstructor = false;
        boolean noArgConstructor = false;
        TypeMirror string = elements.getTypeElement("java.lang.String").asType();
        for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (!accessibility.canUse(constructor, packageName)) {
                continue;
            }
            List<? extends VariableElement> parameters = constructor.getParameters();
            if (parameters.size() == 1 && types.isSameType(parameters.get(0).asType(), string)) {
                messageConstructor = true;
            } else if (parameters.isEmpty()) {
                noArgConstructor = true;
            }
        }
        if (!instantiable || !(messageConstructor || noArgConstructor)) {
            report.error(command, ampCommand, value, "exception " + name + " of error " + code + " needs a public"
                    + " constructor taking a String (or a public no-argument one): the caller's side rebuilds it"
                    + " from the error description" + (instantiable ? "" : ", so it cannot be abstract or an inner class"));
            return null;
        }
        boolean checked = !types.isAssignable(exception, elements.getTypeElement("java.lang.RuntimeException").asType())
                && !types.isAssignable(exception, elements.getTypeElement("java.lang.Error").asType());
        boolean fatal = annotations.bool(mirror(value), "fatal");
        String pythonName = annotations.string(mirror(value), "pythonName");
        if (!pythonName.isEmpty() && !PythonNames.isClassName(pythonName)) {
            report.error(command, ampCommand, value, "pythonName \"" + pythonName + "\" of error " + code
                    + " is not a Python class name: give an identifier of ASCII letters, digits and _ that is not"
                    + " a keyword, such as \"" + PythonNames.exception("", type.getQualifiedName().toString(), name) + "\"");
            return null;
        }
        return new ErrorModel(code, ClassName.get(type), fatal, messageConstructor, checked, pythonName);
    }

    private static AnnotationMirror mirror(AnnotationValue value) {
        return (AnnotationMirror) value.getValue();
    }
}
