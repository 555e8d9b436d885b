package io.ampjava.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.ampjava.processor.model.Builtin;
import io.ampjava.processor.model.FieldModel;
import io.ampjava.processor.model.GeneratedNames;
import io.ampjava.processor.model.RecordModel;
import io.ampjava.processor.model.WireType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Writes, for one {@link RecordModel}, the immutable value (a private record implementing the
 * interface), the box codec (no reflection: one {@code put} or {@code get} per argument) and the
 * public factory.
 */
final class RecordWriter {
    private static final ClassName LIST = ClassName.get(List.class);
    private static final TypeName BYTES = TypeName.get(byte[].class);

    /** The nested value record and codec of each record of the command. */
    record Names(ClassName value, ClassName codec) {}

    private final Function<RecordModel, Names> names;

    /** @param names the nested value and codec classes of each record written with this writer */
    RecordWriter(Function<RecordModel, Names> names) {
        this.names = names;
    }

    /** {@code private record ItemValue(long x, String label) implements Item}. */
    TypeSpec value(RecordModel record) {
        ClassName valueName = names.apply(record).value();
        MethodSpec.Builder components = MethodSpec.constructorBuilder();
        MethodSpec.Builder compact = MethodSpec.compactConstructorBuilder();
        boolean checks = false;
        boolean arrays = false;
        for (FieldModel field : record.fields()) {
            components.addParameter(field.javaType(), field.javaName());
            arrays |= field.javaType().equals(BYTES);
            boolean list = isList(field.wireType());
            if (list && field.optional()) {
                compact.addStatement("$1N = $1N == null ? null : $2T.copyOf($1N)", field.javaName(), List.class);
                checks = true;
            } else if (list) {
                compact.addStatement("$1N = $2T.copyOf($3T.requireNonNull($1N, $4S))", field.javaName(), List.class,
                        Objects.class, requiredMessage(field));
                checks = true;
            } else if (field.isReference() && !field.optional()) {
                compact.addStatement("$T.requireNonNull($N, $S)", Objects.class, field.javaName(), requiredMessage(field));
                checks = true;
            }
        }
        TypeSpec.Builder value = TypeSpec.recordBuilder(valueName)
                .addModifiers(Modifier.PRIVATE)
                .addSuperinterface(record.interfaceName())
                .recordConstructor(components.build());
        if (checks) {
            value.addMethod(compact.build());
        }
        if (arrays) {
            // A record compares arrays by identity; values that carry bytes compare their contents.
            value.addMethod(equalsMethod(record, valueName));
            value.addMethod(hashCodeMethod(record));
        }
        value.addMethod(toStringMethod(record));
        return value.build();
    }

    /**
     * A public factory of the value: {@code arguments(...)}, {@code response(...)}, {@code item(...)}.
     *
     * @param creator what makes the value of the arguments: {@code new DivideValue},
     *     {@code ItemElement.of}
     */
    MethodSpec factory(RecordModel record, String name, CodeBlock javadoc, CodeBlock creator) {
        MethodSpec.Builder factory = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(record.interfaceName())
                .addJavadoc(javadoc);
        List<CodeBlock> arguments = new ArrayList<>();
        for (FieldModel field : record.fields()) {
            factory.addParameter(ParameterSpec.builder(field.javaType(), field.javaName()).build());
            factory.addJavadoc("\n@param $N $L", field.javaName(), describe(field));
            arguments.add(CodeBlock.of("$N", field.javaName()));
        }
        String nullProblem = nullProblem(record);
        if (nullProblem != null) {
            factory.addJavadoc("\n@throws NullPointerException if $L", nullProblem);
        }
        if (!record.fields().isEmpty()) {
            factory.addJavadoc("\n");
        }
        return factory.addStatement("return $L($L)", creator, CodeBlock.join(arguments, ",$W")).build();
    }

    /** {@code private static final class ItemCodec implements BoxCodec<Item>}. */
    TypeSpec codec(RecordModel record) {
        Names own = names.apply(record);
        NameAllocator constants = new NameAllocator();
        constants.newName("INSTANCE");
        constants.newName("FIELDS");
        Map<FieldModel, String> keys = new HashMap<>();
        Map<FieldModel, String> argumentTypes = new HashMap<>();
        TypeSpec.Builder codec = TypeSpec.classBuilder(own.codec())
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(RuntimeNames.BOX_CODEC, record.interfaceName()))
                .addField(FieldSpec.builder(own.codec(), "INSTANCE", Modifier.STATIC, Modifier.FINAL)
                        .initializer("new $T()", own.codec())
                        .build());
        for (FieldModel field : record.fields()) {
            String key = constants.newName(upperSnake(field.javaName()));
            keys.put(field, key);
            codec.addField(FieldSpec.builder(byte[].class, key, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("$S.getBytes($T.UTF_8)", field.wireName(), StandardCharsets.class)
                    .build());
        }
        for (FieldModel field : record.fields()) {
            if (needsTypeField(field.wireType())) {
                String name = constants.newName(upperSnake(field.javaName()) + "_TYPE");
                argumentTypes.put(field, name);
                codec.addField(FieldSpec.builder(
                                ParameterizedTypeName.get(RuntimeNames.ARGUMENT_TYPE, field.javaType().box()), name,
                                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$Z$L", argumentType(field.wireType()))
                        .build());
            }
        }
        codec.addField(FieldSpec.builder(ParameterizedTypeName.get(LIST, RuntimeNames.FIELD_SCHEMA), "FIELDS",
                        Modifier.STATIC, Modifier.FINAL)
                .initializer(fieldSchemas(record))
                .build());
        codec.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        // Locals must not shadow the constants: an argument named URL would otherwise hide the key URL.
        List<String> constantNames = new ArrayList<>(keys.values());
        constantNames.addAll(argumentTypes.values());
        codec.addMethod(writeMethod(record, keys, argumentTypes, constantNames));
        codec.addMethod(readMethod(record, keys, argumentTypes, constantNames));
        return codec.build();
    }

    private MethodSpec writeMethod(RecordModel record, Map<FieldModel, String> keys, Map<FieldModel, String> types,
            List<String> constants) {
        NameAllocator locals = new NameAllocator();
        constants.forEach(locals::newName);
        String value = locals.newName("value");
        String box = locals.newName("box");
        String context = locals.newName("context");
        MethodSpec.Builder write = MethodSpec.methodBuilder("write")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(record.interfaceName(), value)
                .addParameter(RuntimeNames.BOX, box)
                .addParameter(RuntimeNames.ARGUMENT_CONTEXT, context);
        for (FieldModel field : record.fields()) {
            CodeBlock read = CodeBlock.of("$N.$N()", value, field.javaName());
            if (!field.isReference()) {
                write.addStatement(put(field.wireType(), box, keys.get(field),
                        encode(field.wireType(), read, types.get(field), context), context));
                continue;
            }
            // A value implemented by hand may hold null where the wire needs a value.
            String local = locals.newName(field.javaName());
            CodeBlock encoded = encode(field.wireType(), CodeBlock.of("$N", local), types.get(field), context);
            CodeBlock put = put(field.wireType(), box, keys.get(field), encoded, context);
            if (field.optional()) {
                write.addStatement("$T $N = $L", field.javaType(), local, read)
                        .beginControlFlow("if ($N != null)", local)
                        .addStatement(put)
                        .endControlFlow();
            } else {
                write.addStatement("$T $N = $T.requireNonNull($L,$W$S)", field.javaType(), local, Objects.class, read,
                                requiredMessage(field))
                        .addStatement(put);
            }
        }
        return write.build();
    }

    private MethodSpec readMethod(RecordModel record, Map<FieldModel, String> keys, Map<FieldModel, String> types,
            List<String> constants) {
        NameAllocator locals = new NameAllocator();
        constants.forEach(locals::newName);
        String box = locals.newName("box");
        String context = locals.newName("context");
        MethodSpec.Builder read = MethodSpec.methodBuilder("read")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(record.interfaceName())
                .addParameter(RuntimeNames.BOX, box)
                .addParameter(RuntimeNames.ARGUMENT_CONTEXT, context);
        List<CodeBlock> values = new ArrayList<>();
        for (FieldModel field : record.fields()) {
            String wire = locals.newName(field.javaName());
            if (field.wireType() instanceof WireType.Large) {
                read.addStatement("byte[] $N = $T.get($N,$W$N,$W$N)", wire, RuntimeNames.LARGE_VALUE, box,
                        keys.get(field), context);
            } else {
                read.addStatement("byte[] $N = $N.get($N)", wire, box, keys.get(field));
            }
            CodeBlock decoded = decode(field.wireType(), wire, types.get(field), context);
            if (field.optional()) {
                values.add(CodeBlock.of("$N == null ? null : $L", wire, decoded));
            } else {
                read.beginControlFlow("if ($N == null)", wire)
                        .addStatement("throw $T.missing($S)", RuntimeNames.BAD_ARGUMENT, field.wireName())
                        .endControlFlow();
                values.add(decoded);
            }
        }
        ClassName value = names.apply(record).value();
        read.addStatement("return new $T($L)", value, CodeBlock.join(values, ",$W"));
        return read.build();
    }

    private static boolean needsTypeField(WireType type) {
        return !(type instanceof WireType.Simple || type instanceof WireType.Large);
    }

    /** A statement that puts {@code encoded} into the box: under its key, or, for a large value, split. */
    private static CodeBlock put(WireType type, String box, String key, CodeBlock encoded, String context) {
        if (type instanceof WireType.Large) {
            return CodeBlock.of("$T.put($N,$W$N,$W$L,$W$N)", RuntimeNames.LARGE_VALUE, box, key, encoded, context);
        }
        return CodeBlock.of("$N.put($N,$W$L)", box, key, encoded);
    }

    /** An expression for the bytes of {@code value}. */
    private static CodeBlock encode(WireType type, CodeBlock value, String typeField, String context) {
        if (type instanceof WireType.Large large) {
            return large.builtin() == Builtin.UNICODE
                    ? CodeBlock.of("$T.encode($L)", large.builtin().argumentClass(), value)
                    : value;
        }
        if (type instanceof WireType.Simple simple) {
            if (simple.builtin().hasStaticCodec()) {
                return CodeBlock.of("$T.encode($L)", simple.builtin().argumentClass(), value);
            }
            return CodeBlock.of("$T.INSTANCE.toWire($L,$W$N)", simple.builtin().argumentClass(), value, context);
        }
        return CodeBlock.of("$N.toWire($L,$W$N)", typeField, value, context);
    }

    /** An expression for the value of the bytes in local {@code wire}. */
    private static CodeBlock decode(WireType type, String wire, String typeField, String context) {
        if (type instanceof WireType.Large large) {
            return large.builtin() == Builtin.UNICODE
                    ? CodeBlock.of("$T.decode($N)", large.builtin().argumentClass(), wire)
                    : CodeBlock.of("$N", wire);
        }
        if (type instanceof WireType.Simple simple) {
            if (simple.builtin().hasStaticCodec()) {
                return CodeBlock.of("$T.decode($N)", simple.builtin().argumentClass(), wire);
            }
            return CodeBlock.of("$T.INSTANCE.fromWire($N, $N)", simple.builtin().argumentClass(), wire, context);
        }
        return CodeBlock.of("$N.fromWire($N, $N)", typeField, wire, context);
    }

    /** An expression for the {@code ArgumentType} of a value. */
    private CodeBlock argumentType(WireType type) {
        if (type instanceof WireType.Simple simple) {
            return CodeBlock.of("$T.INSTANCE", simple.builtin().argumentClass());
        }
        if (type instanceof WireType.ListOf list) {
            return CodeBlock.of("new $T<>($L)", RuntimeNames.LIST_OF, argumentType(list.element()));
        }
        if (type instanceof WireType.AmpList list) {
            return CodeBlock.of("new $T<>($T.CODEC)", RuntimeNames.AMP_LIST,
                    GeneratedNames.element(list.element().interfaceName()));
        }
        WireType.Custom custom = (WireType.Custom) type;
        return custom.hasInstance()
                ? CodeBlock.of("$T.INSTANCE", custom.typeClass())
                : CodeBlock.of("new $T()", custom.typeClass());
    }

    /** {@code List.of(FieldSchema.required("x", AmpType.INTEGER), ...)}: what travels, for the schema. */
    private static CodeBlock fieldSchemas(RecordModel record) {
        List<CodeBlock> fields = new ArrayList<>();
        for (FieldModel field : record.fields()) {
            fields.add(CodeBlock.of("$T.$N($S, $L)", RuntimeNames.FIELD_SCHEMA, field.optional() ? "optional" : "required",
                    field.wireName(), ampType(field.wireType())));
        }
        if (fields.size() <= 1) {
            return CodeBlock.of("$T.of($L)", List.class, CodeBlock.join(fields, ""));
        }
        // One field a line, as a table of them.
        return CodeBlock.of("$T.of(\n$>$>$L$<$<)", List.class, CodeBlock.join(fields, ",\n"));
    }

    /** An expression for the {@code io.ampjava.schema.AmpType} of a value. */
    private static CodeBlock ampType(WireType type) {
        if (type instanceof WireType.Large large) {
            return CodeBlock.of("$T.$N", RuntimeNames.AMP_TYPE, large.builtin() == Builtin.UNICODE ? "LARGE_UNICODE" : "LARGE_STRING");
        }
        if (type instanceof WireType.Simple simple) {
            return CodeBlock.of("$T.$N", RuntimeNames.AMP_TYPE, upperSnake(simple.builtin().twistedName()));
        }
        if (type instanceof WireType.ListOf list) {
            return CodeBlock.of("$T.listOf($L)", RuntimeNames.AMP_TYPE, ampType(list.element()));
        }
        if (type instanceof WireType.AmpList list) {
            return CodeBlock.of("$T.ampList($T.FIELDS)", RuntimeNames.AMP_TYPE,
                    GeneratedNames.element(list.element().interfaceName()));
        }
        return CodeBlock.of("$T.custom($S)", RuntimeNames.AMP_TYPE, ((WireType.Custom) type).typeClass().reflectionName());
    }

    private static MethodSpec toStringMethod(RecordModel record) {
        // "Divide[numerator=" + numerator + ", note=" + note + "]"
        CodeBlock.Builder text = CodeBlock.builder();
        String literal = record.displayName() + "[";
        for (FieldModel field : record.fields()) {
            text.add("$S +$W", literal + field.javaName() + "=");
            if (field.wireType() instanceof WireType.Large) {
                // Megabytes of it would drown a log: its size says enough.
                CodeBlock size = field.javaType().equals(BYTES)
                        ? CodeBlock.of("$N.length + $S", field.javaName(), " bytes")
                        : CodeBlock.of("$N.length() + $S", field.javaName(), " chars");
                text.add(field.optional() ? CodeBlock.of("($N == null ? $S : $L)", field.javaName(), "null", size)
                        : CodeBlock.of("($L)", size));
            } else if (field.javaType().equals(BYTES)) {
                text.add("$T.toString($N)", Arrays.class, field.javaName());
            } else {
                text.add("$N", field.javaName());
            }
            text.add(" +$W");
            literal = ", ";
        }
        text.add("$S", record.fields().isEmpty() ? literal + "]" : "]");
        return MethodSpec.methodBuilder("toString")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addStatement("return $L", text.build())
                .build();
    }

    private static MethodSpec equalsMethod(RecordModel record, ClassName valueName) {
        NameAllocator locals = new NameAllocator();
        record.fields().forEach(field -> locals.newName(field.javaName()));
        String other = locals.newName("other");
        String that = locals.newName("that");
        CodeBlock.Builder test = CodeBlock.builder().add("$N instanceof $T $N", other, valueName, that);
        for (FieldModel field : record.fields()) {
            TypeName type = field.javaType();
            if (type.equals(BYTES)) {
                test.add("\n&& $T.equals($N, $N.$N)", Arrays.class, field.javaName(), that, field.javaName());
            } else if (type.equals(TypeName.DOUBLE)) {
                test.add("\n&& $T.compare($N, $N.$N) == 0", Double.class, field.javaName(), that, field.javaName());
            } else if (type.isPrimitive()) {
                test.add("\n&& $1N == $2N.$1N", field.javaName(), that);
            } else {
                test.add("\n&& $T.equals($N, $N.$N)", Objects.class, field.javaName(), that, field.javaName());
            }
        }
        return MethodSpec.methodBuilder("equals")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(boolean.class)
                .addParameter(Object.class, other)
                .addStatement("return $L", test.build())
                .build();
    }

    private static MethodSpec hashCodeMethod(RecordModel record) {
        List<CodeBlock> parts = new ArrayList<>();
        for (FieldModel field : record.fields()) {
            parts.add(field.javaType().equals(BYTES)
                    ? CodeBlock.of("$T.hashCode($N)", Arrays.class, field.javaName())
                    : CodeBlock.of("$N", field.javaName()));
        }
        return MethodSpec.methodBuilder("hashCode")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(int.class)
                .addStatement("return $T.hash($L)", Objects.class, CodeBlock.join(parts, ",$W"))
                .build();
    }

    /** Whether a caller can pass null where the record needs a value. */
    static boolean hasRequiredReference(RecordModel record) {
        return record.fields().stream().anyMatch(field -> field.isReference() && !field.optional());
    }

    /**
     * What makes the value's constructor throw {@code NullPointerException}, e.g. "a required argument
     * is null"; null when nothing can.
     */
    static String nullProblem(RecordModel record) {
        boolean lists = record.fields().stream().anyMatch(field -> isList(field.wireType()));
        if (hasRequiredReference(record)) {
            return lists ? "a required argument is null or a list holds null" : "a required argument is null";
        }
        return lists ? "a list holds null" : null;
    }

    private static boolean isList(WireType type) {
        return type instanceof WireType.ListOf || type instanceof WireType.AmpList;
    }

    static String requiredMessage(FieldModel field) {
        return "required argument '" + field.javaName() + "' is null";
    }

    static String describe(FieldModel field) {
        String wire = field.wireName().equals(field.javaName())
                ? ""
                : " (on the wire: <code>" + Javadocs.text(field.wireName()) + "</code>)";
        String large = field.wireType() instanceof WireType.Large ? ", large" : "";
        return (field.optional() ? "optional: null leaves it out" : "required") + large + wire;
    }

    /** {@code dashArg} to {@code DASH_ARG}. */
    static String upperSnake(String camel) {
        StringBuilder snake = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0
                    && (Character.isLowerCase(camel.charAt(i - 1)) || Character.isDigit(camel.charAt(i - 1)))) {
                snake.append('_');
            }
            snake.append(Character.toUpperCase(c));
        }
        return snake.toString();
    }
}
