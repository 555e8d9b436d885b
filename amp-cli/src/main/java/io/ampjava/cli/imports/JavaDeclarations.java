package io.ampjava.cli.imports;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.ampjava.processor.python.PythonNames;
import io.ampjava.schema.AmpType;
import io.ampjava.schema.ErrorSchema;
import io.ampjava.schema.FieldSchema;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;

/**
 * The Java declarations of imported commands, written with JavaPoet: an {@code @AmpCommand} interface
 * per command (its {@code @Response} and AmpList element interfaces nested in it), and an exception
 * class per Python exception that no JDK exception stands for. What the user guide's "The Python
 * side" says of {@code amp import} is decided here: the types, the names, and the
 * {@code pythonName}s that make a later export give the same Python names back.
 */
final class JavaDeclarations {
    private static final String ANNOTATIONS = "io.ampjava.annotations";
    private static final ClassName AMP_COMMAND = ClassName.get(ANNOTATIONS, "AmpCommand");
    private static final ClassName AMP_ERROR = ClassName.get(ANNOTATIONS, "AmpError");
    private static final ClassName ARGUMENT = ClassName.get(ANNOTATIONS, "Argument");
    private static final ClassName RESPONSE = ClassName.get(ANNOTATIONS, "Response");
    private static final ClassName DESCRIPTOR = ClassName.get("io.ampjava.types", "Descriptor");
    private static final ClassName LIST = ClassName.get(List.class);
    private static final String BUILTINS = "builtins.";

    private final String packageName;
    /** The package's top-level names: imported interfaces and exception classes. */
    private final JavaNames topLevel = new JavaNames(Set.of());
    /** Each Python exception's Java class, by the Python exception's qualified name. */
    private final Map<String, ClassName> exceptions = new TreeMap<>();
    /** The pythonName of each exception whose Java name would not give its Python name back. */
    private final Map<String, String> pythonNames = new TreeMap<>();

    private JavaDeclarations(String packageName) {
        this.packageName = packageName;
    }

    /** The files for {@code commands}, which must have no problems: exceptions first, then commands, each sorted by name. */
    static List<JavaFile> write(String packageName, List<PythonCommand> commands) {
        return new JavaDeclarations(packageName).files(commands);
    }

    private List<JavaFile> files(List<PythonCommand> commands) {
        Map<PythonCommand, String> interfaces = new LinkedHashMap<>();
        for (PythonCommand command : commands) {
            interfaces.put(command, topLevel.type(command.className().replace('.', '_'), false));
        }
        Map<String, TypeSpec> exceptionTypes = new TreeMap<>();
        for (PythonCommand command : commands) {
            for (ErrorSchema error : command.schema().errors()) {
                exceptions.computeIfAbsent(error.exception(), python -> {
                    ClassName java = exceptionClass(python);
                    if (java.packageName().equals(packageName)) {
                        exceptionTypes.put(java.simpleName(), exceptionType(java, python));
                    }
                    return java;
                });
            }
        }
        List<JavaFile> files = new ArrayList<>();
        exceptionTypes.values().forEach(type -> files.add(file(type)));
        Map<String, TypeSpec> commandTypes = new TreeMap<>();
        interfaces.forEach((command, name) -> commandTypes.put(name, commandType(command, name)));
        commandTypes.values().forEach(type -> files.add(file(type)));
        return files;
    }

    private JavaFile file(TypeSpec type) {
        return JavaFile.builder(packageName, type).skipJavaLangImports(true).indent("    ").build();
    }

    /**
     * The JDK exception a Python built-in stands for ({@code ZeroDivisionError} to
     * {@code ArithmeticException}); otherwise a class of the package, named by the reverse of the
     * export's rule ({@code QuotaError} to {@code QuotaException}; a built-in keeps its name).
     */
    private ClassName exceptionClass(String python) {
        String simple = python.substring(python.lastIndexOf('.') + 1);
        boolean builtin = python.startsWith(BUILTINS) && python.indexOf('.', BUILTINS.length()) < 0;
        if (builtin) {
            String jdk = PythonNames.jdkException(simple).orElse(null);
            if (jdk != null) {
                return ClassName.bestGuess(jdk);
            }
        }
        String name = JavaNames.camel(builtin ? simple : PythonNames.javaException(simple), true);
        if (isJavaLang(name)) {
            name = "Python" + name; // a class named Exception or Error would hide java.lang's in the package
        }
        ClassName java = ClassName.get(packageName, topLevel.unique(name));
        if (!PythonNames.exception("", java.canonicalName(), java.simpleName()).equals(simple)) {
            pythonNames.put(python, simple);
        }
        return java;
    }

    private static boolean isJavaLang(String simpleName) {
        try {
            Class.forName("java.lang." + simpleName, false, JavaDeclarations.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static TypeSpec exceptionType(ClassName java, String python) {
        return TypeSpec.classBuilder(java)
                .addModifiers(Modifier.PUBLIC)
                .superclass(RuntimeException.class)
                .addJavadoc("The Python exception {@code $L}, imported by {@code amp import}.\n", python)
                .addField(FieldSpec.builder(long.class, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC,
                        Modifier.FINAL).initializer("1L").build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(String.class, "message")
                        .addStatement("super(message)")
                        .build())
                .build();
    }

    private TypeSpec commandType(PythonCommand command, String name) {
        AnnotationSpec.Builder ampCommand = AnnotationSpec.builder(AMP_COMMAND);
        if (!command.schema().name().equals(name)) {
            ampCommand.addMember("name", "$S", command.schema().name());
        }
        if (topLevel.isTaken(name + "Command")) {
            // The processor would generate NameCommand, which is another imported interface.
            ampCommand.addMember("className", "$S", name + "Calls");
        }
        for (ErrorSchema error : command.schema().errors()) {
            AnnotationSpec.Builder annotation = AnnotationSpec.builder(AMP_ERROR)
                    .addMember("code", "$S", error.code())
                    .addMember("exception", "$T.class", exceptions.get(error.exception()));
            if (error.fatal()) {
                annotation.addMember("fatal", "true");
            }
            String pythonName = pythonNames.get(error.exception());
            if (pythonName != null) {
                annotation.addMember("pythonName", "$S", pythonName);
            }
            ampCommand.addMember("errors", "$L", annotation.build());
        }
        if (!command.schema().requiresAnswer()) {
            ampCommand.addMember("requiresAnswer", "false");
        }
        if (command.schema().closesConnection()) {
            ampCommand.addMember("closesConnection", "true");
        }
        if (command.schema().switchesProtocol()) {
            ampCommand.addMember("switchesProtocol", "true");
        }
        TypeSpec.Builder type = TypeSpec.interfaceBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(ampCommand.build())
                .addJavadoc("The Python command {@code $L}, imported by {@code amp import}.\n", command.qualifiedName());
        // Nested types must differ from each other and from the interface they are in.
        Nested nested = new Nested(ClassName.get(packageName, name), type, new JavaNames(Set.of(name)));
        addFields(type, command.schema().arguments(), nested);
        if (!command.schema().response().isEmpty()) {
            String responseName = nested.names().type("Result", false);
            TypeSpec.Builder response = TypeSpec.interfaceBuilder(responseName)
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .addAnnotation(RESPONSE);
            addFields(response, command.schema().response(), nested);
            type.addType(response.build());
        }
        return type.build();
    }

    /**
     * Where the interfaces nested in a command go: its response and its AmpList elements, whatever
     * their depth, side by side.
     *
     * @param command the command interface
     * @param builder its builder
     * @param names the names taken in it
     */
    private record Nested(ClassName command, TypeSpec.Builder builder, JavaNames names) {}

    /** One argument method per field on {@code record}; the element interfaces of its AmpLists go into the command. */
    private void addFields(TypeSpec.Builder record, List<FieldSchema> fields, Nested nested) {
        JavaNames methods = new JavaNames(Set.of());
        for (FieldSchema field : fields) {
            String method = methods.method(field.name());
            AnnotationSpec.Builder argument = AnnotationSpec.builder(ARGUMENT);
            if (!method.equals(field.name())) {
                argument.addMember("value", "$S", field.name());
            }
            if (field.optional()) {
                argument.addMember("optional", "true");
            }
            AmpType.Kind kind = field.type().kind();
            if (kind == AmpType.Kind.LARGE_STRING || kind == AmpType.Kind.LARGE_UNICODE) {
                argument.addMember("large", "true");
            }
            TypeName type = javaType(field.type(), field.optional(), field.name(), nested);
            record.addMethod(MethodSpec.methodBuilder(method)
                    .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                    .addAnnotation(argument.build())
                    .returns(type)
                    .build());
        }
    }

    /** The Java type of an AMP type, as the user guide's table pairs them; boxed when optional or in a list. */
    private TypeName javaType(AmpType type, boolean boxed, String key, Nested nested) {
        switch (type.kind()) {
            case INTEGER:
                return boxed ? ClassName.get(Long.class) : TypeName.LONG;
            case BOOLEAN:
                return boxed ? ClassName.get(Boolean.class) : TypeName.BOOLEAN;
            case FLOAT:
                return boxed ? ClassName.get(Double.class) : TypeName.DOUBLE;
            case STRING:
            case LARGE_STRING:
                return TypeName.get(byte[].class);
            case UNICODE:
            case LARGE_UNICODE:
                return ClassName.get(String.class);
            case DECIMAL:
                return ClassName.get(BigDecimal.class);
            case DATE_TIME:
                return ClassName.get(OffsetDateTime.class);
            case PATH:
                return ClassName.get(Path.class);
            case DESCRIPTOR:
                return DESCRIPTOR;
            case LIST_OF:
                return ParameterizedTypeName.get(LIST, javaType(((AmpType.ListOf) type).element(), true, key, nested));
            case AMP_LIST: {
                String element = nested.names().type(key, true);
                TypeSpec.Builder elementType = TypeSpec.interfaceBuilder(element)
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addJavadoc("An element of {@code $L}.\n", key);
                addFields(elementType, ((AmpType.AmpList) type).fields(), nested);
                nested.builder().addType(elementType.build());
                return ParameterizedTypeName.get(LIST, nested.command().nestedClass(element));
            }
            default:
                // ImportChecks refuses custom types before anything is written.
                throw new IllegalStateException("no Java type for " + type);
        }
    }
}
