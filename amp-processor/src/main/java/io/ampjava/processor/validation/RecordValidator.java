package io.ampjava.processor.validation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.ampjava.processor.model.FieldModel;
import io.ampjava.processor.model.GeneratedNames;
import io.ampjava.processor.model.RecordModel;
import io.ampjava.processor.model.WireType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks record interfaces (the arguments of a command, its response, the elements of its
 * {@code AmpList}s at any depth) and builds their records. One for the whole compilation: the report
 * of each element interface is kept per type, so that an element shared by many commands is checked
 * once and becomes one record; the interfaces being built are tracked to refuse a record that
 * contains itself.
 */
final class RecordValidator implements WireTypeResolver.ElementRecords {
    /** Names a record component cannot have (JLS 8.10.1); all but two are final in Object anyway. */
    /** The longest key of a large value: its chunk keys add up to 6 bytes ({@code .32768}) to AMP's 255. */
    private static final int MAX_LARGE_KEY_BYTES = 249;
    private static final Set<String> OBJECT_METHODS =
            Set.of("clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait");

    private final Elements elements;
    private final Types types;
    private final AnnotationReader annotations;
    private final Accessibility accessibility;
    private final WireTypeResolver resolver;
    private final UserTypes userTypes;
    /** By element, whose identity is the type's in one round (a later round's element is checked anew). */
    private final Map<TypeElement, ValidationReport<RecordModel>> elementReports = new HashMap<>();
    private final Deque<TypeElement> building = new ArrayDeque<>();

    RecordValidator(Elements elements, Types types, UserTypes userTypes) {
        this.elements = elements;
        this.userTypes = userTypes;
        this.types = types;
        this.annotations = new AnnotationReader(elements);
        this.accessibility = new Accessibility(elements);
        this.resolver = new WireTypeResolver(elements, types);
    }

    /**
     * The report of a command's or a response's interface.
     *
     * @param packageName the package of the generated class, which must be able to name every type
     * @throws UnresolvedTypeException if it refers to a type that does not exist (yet)
     */
    ValidationReport<RecordModel> record(TypeElement element, String packageName) {
        building.push(element);
        try {
            return build(element, packageName, false);
        } finally {
            building.pop();
        }
    }

    /**
     * The report of an {@code AmpList} element interface, checked for the class generated for it (in
     * its package), once per type.
     *
     * @throws UnresolvedTypeException if it refers to a type that does not exist (yet)
     */
    ValidationReport<RecordModel> element(TypeElement element) {
        ValidationReport<RecordModel> report = elementReports.get(element);
        if (report == null) {
            ClassName generated = GeneratedNames.element(ClassName.get(element));
            if (userTypes.contains(generated.canonicalName())) {
                report = ValidationReport.<RecordModel>about(element).error(element, "the class generated for AmpList"
                        + " element " + element.getQualifiedName() + " would be named " + generated.canonicalName()
                        + ", like your class " + generated.canonicalName() + ": rename one of the two").invalid();
            } else {
                building.push(element);
                try {
                    report = build(element, generated.packageName(), true);
                } finally {
                    building.pop();
                }
            }
            elementReports.put(element, report);
        }
        return report;
    }

    @Override
    public RecordModel element(TypeElement element, ExecutableElement usedBy, String packageName,
            ValidationReport.Builder<?> report) {
        if (building.contains(element)) {
            report.error(usedBy, "AmpList element " + element.getSimpleName() + " contains itself through "
                    + usedBy.getSimpleName() + "(): an AMP value cannot nest without end");
            return null;
        }
        if (!element.getTypeParameters().isEmpty()) {
            report.error(usedBy, "AmpList element " + element.getSimpleName() + " must not be generic");
            return null;
        }
        if (!accessibility.canName(element, packageName)) {
            report.error(usedBy, "AmpList element " + element.getQualifiedName() + " is not accessible from "
                    + packageName + ": make it public");
            return null;
        }
        return report.add(element(element));
    }

    /** @param isElement whether the record is an AmpList element, which travels as one value */
    private ValidationReport<RecordModel> build(TypeElement element, String packageName, boolean isElement) {
        ValidationReport.Builder<RecordModel> report = ValidationReport.about(element);
        DeclaredType self = (DeclaredType) element.asType();
        List<FieldModel> fields = new ArrayList<>();
        Map<String, FieldModel> byWireName = new HashMap<>();
        for (ExecutableElement method : abstractMethods(element)) {
            FieldModel field = field(self, method, packageName, report);
            if (field == null) {
                continue;
            }
            FieldModel clash = byWireName.putIfAbsent(field.wireName(), field);
            if (clash != null) {
                report.error(method, "two arguments travel as '" + field.wireName() + "': " + clash.javaName()
                        + "() and " + field.javaName() + "(); give one another name with @Argument(\"...\")");
                continue;
            }
            fields.add(field);
        }
        checkLargeValues(element, fields, isElement, report);
        return report.build(new RecordModel(element, ClassName.get(element), fields));
    }

    /**
     * A large value's chunk keys ({@code key.0}, {@code key.1}...) must fit AMP's 255 bytes and be
     * its own; and it cannot be in an AmpList element, which travels whole as one value of at most
     * 65,535 bytes.
     */
    private void checkLargeValues(TypeElement element, List<FieldModel> fields, boolean isElement,
            ValidationReport.Builder<?> report) {
        for (FieldModel field : fields) {
            if (!(field.wireType() instanceof WireType.Large)) {
                continue;
            }
            AnnotationMirror argument = annotations.find(field.method(), AnnotationReader.ARGUMENT);
            if (isElement) {
                report.error(field.method(), argument, annotations.explicitValue(argument, "large"), "@Argument "
                        + field.javaName() + "() of AmpList element " + element.getSimpleName() + " cannot be large:"
                        + " an AmpList travels as one value of at most 65,535 bytes; make the list's argument a"
                        + " separate large argument instead");
                continue;
            }
            int length = field.wireName().getBytes(StandardCharsets.UTF_8).length;
            if (length > MAX_LARGE_KEY_BYTES) {
                report.error(field.method(), argument, "the key '" + field.wireName() + "' of large argument "
                        + field.javaName() + "() is " + length + " bytes in UTF-8; a large value's key is at most "
                        + MAX_LARGE_KEY_BYTES + ", so that its chunk keys (up to 6 bytes more) fit AMP's 255");
            }
            String prefix = field.wireName() + ".";
            for (FieldModel other : fields) {
                if (other.wireName().startsWith(prefix)) {
                    report.error(other.method(), "the key '" + other.wireName() + "' of " + other.javaName()
                            + "() starts with '" + prefix + "', like the chunk keys of large argument "
                            + field.javaName() + "(); give it another with @Argument(\"...\")");
                }
            }
        }
    }

    private FieldModel field(DeclaredType self, ExecutableElement method, String packageName,
            ValidationReport.Builder<?> report) {
        String name = method.getSimpleName().toString();
        AnnotationMirror argument = annotations.find(method, AnnotationReader.ARGUMENT);
        if (argument == null) {
            report.error(method, "method " + name + "() of " + method.getEnclosingElement().getSimpleName()
                    + " has no @Argument: every abstract method of a command, response or AmpList element interface"
                    + " is an argument (make other methods default or static)");
            return null;
        }
        if (!method.getParameters().isEmpty()) {
            report.error(method, "@Argument method " + name + "() must not take parameters: it reads one value");
            return null;
        }
        if (!method.getTypeParameters().isEmpty()) {
            report.error(method, "@Argument method " + name + "() must not be generic");
            return null;
        }
        if (OBJECT_METHODS.contains(name)) {
            report.error(method, "@Argument method " + name + "() has the name of a java.lang.Object method;"
                    + " name the method otherwise and keep the wire name with @Argument(\"" + name + "\")");
            return null;
        }
        String wireName = annotations.string(argument, "value");
        if (wireName.isEmpty()) {
            wireName = name;
        }
        String problem = WireNameRules.checkKey(wireName);
        if (problem != null) {
            AnnotationValue value = annotations.explicitValue(argument, "value");
            report.error(method, argument, value, problem);
            return null;
        }
        TypeMirror type = ((ExecutableType) types.asMemberOf(self, method)).getReturnType();
        boolean optional = annotations.bool(argument, "optional");
        if (optional && type.getKind().isPrimitive()) {
            report.error(method, argument, "optional argument " + name + "() must have a reference type so that"
                    + " absent can be null: use " + types.boxedClass((PrimitiveType) type)
                            .getSimpleName() + ", not " + type);
            return null;
        }
        if (type.getKind() == TypeKind.VOID) {
            report.error(method, "@Argument method " + name + "() must return a value, not void");
            return null;
        }
        WireType wireType = resolver.resolve(method, type, argument, packageName, this, report);
        if (wireType == null) {
            return null;
        }
        return new FieldModel(method, name, wireName, optional, type, TypeName.get(type), wireType);
    }

    /**
     * The abstract methods of {@code element}, its inherited ones included: those of its
     * superinterfaces first (depth first, in declaration order), then its own. A method redeclared
     * in a subinterface counts once, as redeclared. Methods of java.lang.Object that every class
     * implements ({@code toString()}, {@code hashCode()}, {@code equals(Object)}) are skipped unless
     * they carry {@code @Argument}.
     */
    private List<ExecutableElement> abstractMethods(TypeElement element) {
        List<ExecutableElement> order = new ArrayList<>();
        collect(element, order, new HashSet<>());
        List<? extends Element> members = elements.getAllMembers(element);
        List<ExecutableElement> result = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ExecutableElement method : order) {
            if (!members.contains(method) || !names.add(method.getSimpleName().toString() + method.getParameters().size())) {
                continue;
            }
            if (isImplementedByObject(method) && !annotations.has(method, AnnotationReader.ARGUMENT)) {
                continue;
            }
            result.add(method);
        }
        return result;
    }

    private void collect(TypeElement type, List<ExecutableElement> order, Set<String> visited) {
        if (!visited.add(type.getQualifiedName().toString())) {
            return;
        }
        for (TypeMirror superinterface : type.getInterfaces()) {
            if (superinterface.getKind() == TypeKind.ERROR) {
                throw new UnresolvedTypeException(type, "the superinterface " + superinterface);
            }
            collect((TypeElement) types.asElement(superinterface), order, visited);
        }
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (method.getModifiers().contains(Modifier.ABSTRACT)) {
                order.add(method);
            }
        }
    }

    private boolean isImplementedByObject(ExecutableElement method) {
        String name = method.getSimpleName().toString();
        int parameters = method.getParameters().size();
        return (parameters == 0 && (name.equals("toString") || name.equals("hashCode")))
                || (parameters == 1 && name.equals("equals")
                        && types.isSameType(method.getParameters().get(0).asType(),
                                elements.getTypeElement("java.lang.Object").asType()));
    }
}
