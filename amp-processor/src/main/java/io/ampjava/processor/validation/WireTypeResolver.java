package io.ampjava.processor.validation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.ampjava.processor.model.Builtin;
import io.ampjava.processor.model.RecordModel;
import io.ampjava.processor.model.WireType;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Chooses the AMP type of an argument from its Java type, or explains why there is none. */
final class WireTypeResolver {
    static final String SUPPORTED_TYPES = "supported are int, long, Integer, Long, BigInteger (AMP Integer);"
            + " byte[] (String); String (Unicode); boolean, Boolean (Boolean); double, Double (Float);"
            + " BigDecimal, io.ampjava.types.AmpDecimal (Decimal); OffsetDateTime (DateTime);"
            + " java.nio.file.Path (Path); io.ampjava.types.Descriptor (Descriptor); List<T> of those (ListOf);"
            + " List<I> of an interface whose methods are @Arguments (AmpList);"
            + " and any type with @Argument(type = YourArgumentType.class)";

    private static final Map<String, Builtin> DECLARED = Map.ofEntries(
            Map.entry("java.lang.Integer", Builtin.INT),
            Map.entry("java.lang.Long", Builtin.LONG),
            Map.entry("java.math.BigInteger", Builtin.BIG_INTEGER),
            Map.entry("java.lang.String", Builtin.UNICODE),
            Map.entry("java.lang.Boolean", Builtin.BOOLEAN),
            Map.entry("java.lang.Double", Builtin.FLOAT),
            Map.entry("java.math.BigDecimal", Builtin.DECIMAL),
            Map.entry("io.ampjava.types.AmpDecimal", Builtin.AMP_DECIMAL),
            Map.entry("java.time.OffsetDateTime", Builtin.DATE_TIME),
            Map.entry("java.nio.file.Path", Builtin.PATH),
            Map.entry("io.ampjava.types.Descriptor", Builtin.DESCRIPTOR));

    /** Builds the record of an {@code AmpList} element interface (checking it). */
    interface ElementRecords {
        /**
         * The element's record, or null if it is invalid: its report, or an error on {@code usedBy}, goes
         * into {@code report}.
         *
         * @param packageName the package of the generated code that names the element
         */
        RecordModel element(TypeElement element, ExecutableElement usedBy, String packageName,
                ValidationReport.Builder<?> report);
    }

    private final Elements elements;
    private final Types types;
    private final AnnotationReader annotations;
    private final Accessibility accessibility;

    WireTypeResolver(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
        this.annotations = new AnnotationReader(elements);
        this.accessibility = new Accessibility(elements);
    }

    /**
     * The wire type of the value of {@code method}, or null after reporting why there is none.
     *
     * @param type the method's return type, as a member of the record's interface
     * @param argument the method's {@code @Argument}
     * @param packageName where the generated code lives, which must be able to name every type
     */
    WireType resolve(ExecutableElement method, TypeMirror type, AnnotationMirror argument, String packageName,
            ElementRecords records, ValidationReport.Builder<?> report) {
        TypeMirror custom = annotations.type(method, argument, "type");
        boolean large = annotations.bool(argument, "large");
        if (custom.getKind() != TypeKind.VOID) {
            if (large) {
                report.error(method, argument, annotations.explicitValue(argument, "large"), "@Argument "
                        + method.getSimpleName() + "() cannot be both large and of a custom type: a large value is a"
                        + " byte[] or a String");
                return null;
            }
            return custom(method, type, custom, argument, packageName, report);
        }
        WireType resolved = resolve(method, type, false, packageName, records, report);
        if (!large || resolved == null) {
            return resolved;
        }
        if (resolved instanceof WireType.Simple simple
                && (simple.builtin() == Builtin.BYTES || simple.builtin() == Builtin.UNICODE)) {
            return new WireType.Large(simple.builtin(), simple.javaType());
        }
        report.error(method, argument, annotations.explicitValue(argument, "large"), "@Argument(large = true) "
                + method.getSimpleName() + "() must be a byte[] or a String, not " + type
                + ": only those travel split across keys");
        return null;
    }

    private WireType resolve(ExecutableElement method, TypeMirror type, boolean insideListOf, String packageName,
            ElementRecords records, ValidationReport.Builder<?> report) {
        switch (type.getKind()) {
            case ERROR:
                throw new UnresolvedTypeException(method, "the type " + type + " of " + method.getSimpleName() + "()");
            case INT:
                return new WireType.Simple(Builtin.INT, TypeName.INT);
            case LONG:
                return new WireType.Simple(Builtin.LONG, TypeName.LONG);
            case BOOLEAN:
                return new WireType.Simple(Builtin.BOOLEAN, TypeName.BOOLEAN);
            case DOUBLE:
                return new WireType.Simple(Builtin.FLOAT, TypeName.DOUBLE);
            case ARRAY:
                if (((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE) {
                    return new WireType.Simple(Builtin.BYTES, TypeName.get(type));
                }
                return unsupported(method, type, insideListOf, report);
            case DECLARED:
                return declared(method, (DeclaredType) type, insideListOf, packageName, records, report);
            default:
                return unsupported(method, type, insideListOf, report);
        }
    }

    private WireType declared(ExecutableElement method, DeclaredType type, boolean insideListOf, String packageName,
            ElementRecords records, ValidationReport.Builder<?> report) {
        TypeElement element = (TypeElement) type.asElement();
        String name = element.getQualifiedName().toString();
        Builtin builtin = DECLARED.get(name);
        if (builtin == Builtin.DESCRIPTOR && insideListOf) {
            report.error(method, "a Descriptor cannot travel inside a ListOf, as in " + method.getSimpleName()
                    + "(): Twisted's ListOf cannot pass file descriptors;"
                    + " use one Descriptor argument per descriptor, or an AmpList of an interface with a Descriptor");
            return null;
        }
        if (builtin != null) {
            return new WireType.Simple(builtin, TypeName.get(type));
        }
        if (name.equals("java.util.List")) {
            return list(method, type, insideListOf, packageName, records, report);
        }
        return unsupported(method, type, insideListOf, report);
    }

    private WireType list(ExecutableElement method, DeclaredType type, boolean insideListOf, String packageName,
            ElementRecords records, ValidationReport.Builder<?> report) {
        List<? extends TypeMirror> arguments = type.getTypeArguments();
        if (arguments.size() != 1) {
            return unsupported(method, type, insideListOf, report);
        }
        TypeMirror element = arguments.get(0);
        if (element.getKind() == TypeKind.ERROR) {
            throw new UnresolvedTypeException(method, "the type " + element + " of " + method.getSimpleName() + "()");
        }
        if (element.getKind() == TypeKind.DECLARED && isRecordInterface((TypeElement) types.asElement(element))) {
            TypeElement elementInterface = (TypeElement) types.asElement(element);
            if (insideListOf) {
                report.error(method, "an AmpList cannot travel inside a ListOf (" + method.getSimpleName() + "() is "
                        + type + "): Twisted's ListOf only holds simple values; make the outer list an AmpList too");
                return null;
            }
            RecordModel record = records.element(elementInterface, method, packageName, report);
            return record == null ? null : new WireType.AmpList(record);
        }
        WireType inner = resolve(method, element, true, packageName, records, report);
        return inner == null ? null : new WireType.ListOf(inner, TypeName.get(element));
    }

    /** An interface with at least one {@code @Argument} method, which can be an AmpList element. */
    boolean isRecordInterface(TypeElement element) {
        if (element.getKind() != ElementKind.INTERFACE) {
            return false;
        }
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(element))) {
            if (annotations.has(method, AnnotationReader.ARGUMENT)) {
                return true;
            }
        }
        return false;
    }

    private WireType unsupported(ExecutableElement method, TypeMirror type, boolean insideListOf,
            ValidationReport.Builder<?> report) {
        String where = insideListOf ? "as a list element of " : "for ";
        report.error(method, "unsupported type " + type + " " + where + "@Argument " + method.getSimpleName()
                + "(); " + SUPPORTED_TYPES);
        return null;
    }

    private WireType custom(ExecutableElement method, TypeMirror type, TypeMirror custom, AnnotationMirror argument,
            String packageName, ValidationReport.Builder<?> report) {
        if (type.getKind() == TypeKind.ERROR) {
            throw new UnresolvedTypeException(method, "the type " + type + " of " + method.getSimpleName() + "()");
        }
        TypeElement argumentType = elements.getTypeElement("io.ampjava.types.ArgumentType");
        if (argumentType == null) {
            report.error(method, "io.ampjava.types.ArgumentType is not on the classpath: add amp-runtime as a dependency");
            return null;
        }
        TypeMirror boxed = type.getKind().isPrimitive() ? types.boxedClass((PrimitiveType) type).asType() : type;
        DeclaredType wanted = types.getDeclaredType(argumentType, boxed);
        if (custom.getKind() != TypeKind.DECLARED) {
            report.error(method, argument, annotations.explicitValue(argument, "type"),
                    "@Argument(type = " + custom + ") must name a class implementing " + wanted);
            return null;
        }
        TypeElement customElement = (TypeElement) types.asElement(custom);
        if (customElement.getKind() != ElementKind.CLASS || !customElement.getTypeParameters().isEmpty()
                || !types.isAssignable(custom, wanted)) {
            report.error(method, argument, annotations.explicitValue(argument, "type"),
                    "@Argument(type = " + customElement.getSimpleName() + ".class) must name a non-generic class"
                            + " implementing " + wanted + ", the type of " + method.getSimpleName() + "()");
            return null;
        }
        if (!accessibility.canName(customElement, packageName)) {
            report.error(method, argument, annotations.explicitValue(argument, "type"),
                    customElement.getQualifiedName() + " is not accessible from " + packageName + ": make it public");
            return null;
        }
        for (VariableElement field : ElementFilter.fieldsIn(customElement.getEnclosedElements())) {
            if (field.getSimpleName().contentEquals("INSTANCE")
                    && field.getModifiers().contains(Modifier.STATIC)
                    && accessibility.canUse(field, packageName)
                    && types.isAssignable(field.asType(), wanted)) {
                return new WireType.Custom(ClassName.get(customElement), TypeName.get(boxed), true);
            }
        }
        boolean constructible = !customElement.getModifiers().contains(Modifier.ABSTRACT)
                && (customElement.getNestingKind() == NestingKind.TOP_LEVEL
                        || customElement.getModifiers().contains(Modifier.STATIC));
        for (ExecutableElement constructor : ElementFilter.constructorsIn(customElement.getEnclosedElements())) {
            if (constructible && constructor.getParameters().isEmpty() && accessibility.canUse(constructor, packageName)) {
                return new WireType.Custom(ClassName.get(customElement), TypeName.get(boxed), false);
            }
        }
        report.error(method, argument, annotations.explicitValue(argument, "type"),
                customElement.getSimpleName() + " needs a public static final INSTANCE field or a public"
                        + " no-argument constructor, so the generated code can get an instance");
        return null;
    }
}
