package io.ampjava.processor.validation;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads annotations as mirrors. {@code Element.getAnnotation} cannot be used for {@code Class}
 * values (it throws for types that are being compiled), and mirrors also give the compiler a
 * position to report at.
 */
public final class AnnotationReader {
    public static final String AMP_COMMAND = "io.ampjava.annotations.AmpCommand";
    public static final String AMP_ERROR = "io.ampjava.annotations.AmpError";
    public static final String ARGUMENT = "io.ampjava.annotations.Argument";
    public static final String RESPONSE = "io.ampjava.annotations.Response";
    public static final String RESPONDER = "io.ampjava.annotations.Responder";

    private final Elements elements;

    public AnnotationReader(Elements elements) {
        this.elements = elements;
    }

    /** The annotation of type {@code qualifiedName} on {@code element}, or null. */
    public AnnotationMirror find(Element element, String qualifiedName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(qualifiedName)) {
                return mirror;
            }
        }
        return null;
    }

    public boolean has(Element element, String qualifiedName) {
        return find(element, qualifiedName) != null;
    }

    /** The value of {@code name}, its default when the user did not write it. */
    public AnnotationValue value(AnnotationMirror mirror, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                elements.getElementValuesWithDefaults(mirror).entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue();
            }
        }
        throw new IllegalArgumentException("no attribute " + name + " in " + mirror);
    }

    /** The value of {@code name} only when the user wrote it, else null: a position to report at. */
    public AnnotationValue explicitValue(AnnotationMirror mirror, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    public String string(AnnotationMirror mirror, String name) {
        return (String) value(mirror, name).getValue();
    }

    public boolean bool(AnnotationMirror mirror, String name) {
        return (Boolean) value(mirror, name).getValue();
    }

    /**
     * A {@code Class} value.
     *
     * @throws UnresolvedTypeException if the class does not exist (yet)
     */
    public TypeMirror type(Element element, AnnotationMirror mirror, String name) {
        Object value = value(mirror, name).getValue();
        // javac hands an unresolvable class literal over as an error type or as the string "<error>".
        if (!(value instanceof TypeMirror) || ((TypeMirror) value).getKind() == TypeKind.ERROR) {
            throw new UnresolvedTypeException(element, "the class named in @"
                    + mirror.getAnnotationType().asElement().getSimpleName() + "(" + name + " = ...)");
        }
        return (TypeMirror) value;
    }

    /** The annotations in an array value. */
    public List<AnnotationValue> list(AnnotationMirror mirror, String name) {
        @SuppressWarnings("unchecked")
        List<AnnotationValue> values = (List<AnnotationValue>) value(mirror, name).getValue();
        return values;
    }
}
