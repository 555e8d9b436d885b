package io.ampjava.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.ampjava.processor.model.LocatorModel;
import io.ampjava.processor.model.ResponderModel.Parameter;
import io.ampjava.processor.model.ResponderModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Writes {@code <Class>Locator}: one {@code Responder} per command, built once per locator, and a
 * {@code locate} that switches on the exact wire name.
 */
public final class LocatorWriter {
    private static final String COMMAND_NAMES = "COMMAND_NAMES";

    private final GeneratedFiles files;

    public LocatorWriter(GeneratedFiles files) {
        this.files = files;
    }

    public JavaFile write(LocatorModel locator) {
        NameAllocator fields = new NameAllocator();
        Map<ResponderModel, String> fieldNames = new LinkedHashMap<>();
        for (ResponderModel responder : locator.responders()) {
            fieldNames.put(responder, fields.newName(lowerCamel(String.join("", responder.command().interfaceName().simpleNames()))));
        }
        String target = "target";
        TypeSpec.Builder type = TypeSpec.classBuilder(locator.generatedName())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(RuntimeNames.RESPONDER_LOCATOR)
                .addOriginatingElement(locator.element())
                .addJavadoc("Answers the commands of the {@code @Responder} methods of {@link $T}:\n<ul>\n", locator.targetName());
        for (ResponderModel responder : locator.responders()) {
            type.addJavadoc("<li><code>$L</code> with {@link $T#$L}\n", Javadocs.text(responder.command().wireName()),
                    ClassName.get((TypeElement) responder.method().getEnclosingElement()),
                    responder.methodName());
        }
        type.addJavadoc("</ul>\n");
        type.addField(commandNames(locator));

        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("A locator whose responders call {@code $N}.\n\n@param $N the object whose methods answer\n",
                        target, target)
                .addParameter(locator.targetName(), target)
                .addStatement("$T.requireNonNull($N, $S)", Objects.class, target, target);
        for (ResponderModel responder : locator.responders()) {
            String field = fieldNames.get(responder);
            type.addField(FieldSpec.builder(RuntimeNames.RESPONDER, field, Modifier.PRIVATE, Modifier.FINAL).build());
            // Not addStatement: its continuation indent would misplace the body of a block lambda.
            constructor.addCode("this.$N = $L;\n", field, responder(responder, locator, target));
        }
        type.addMethod(constructor.build());
        type.addMethod(locate(locator, fieldNames));
        type.addMethod(MethodSpec.methodBuilder("commandNames")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(Set.class, String.class))
                .addStatement("return $N", COMMAND_NAMES)
                .build());
        return files.file(locator.generatedName().packageName(), type);
    }

    private static CodeBlock responder(ResponderModel responder, LocatorModel locator, String target) {
        String arguments = "arguments";
        String connection = "connection";
        List<CodeBlock> values = new ArrayList<>();
        for (Parameter parameter : responder.parameters()) {
            if (parameter instanceof Parameter.ArgumentValue value) {
                values.add(CodeBlock.of("$N.$N()", arguments, value.field().javaName()));
            } else if (parameter instanceof Parameter.AllArguments) {
                values.add(CodeBlock.of("$N", arguments));
            } else {
                values.add(CodeBlock.of("$N", connection));
            }
        }
        CodeBlock receiver = responder.isStatic()
                ? CodeBlock.of("$T", ClassName.get((TypeElement) responder.method().getEnclosingElement()))
                : CodeBlock.of("$N", target);
        // Indented once more, so that wrapped arguments stand apart from the lambda they are in.
        CodeBlock call = CodeBlock.of("$L.$N($>$L$<)", receiver, responder.methodName(), CodeBlock.join(values, ",$W"));
        CodeBlock command = CodeBlock.of("$T.COMMAND", responder.command().generatedName());
        if (responder.command().switchesProtocol()) {
            // The validator allows only the protocol itself or a stage of it here.
            return CodeBlock.of("$T.$N($L,$W($N, $N) -> $L)", RuntimeNames.RESPONDERS,
                    responder.returns() == ResponderModel.Returns.STAGE ? "switching" : "switchingSync", command,
                    arguments, connection, call);
        }
        switch (responder.returns()) {
            case VALUE:
                return CodeBlock.of("$T.ofSync($L,$W($N, $N) -> $L)", RuntimeNames.RESPONDERS, command, arguments,
                        connection, call);
            case STAGE:
                return CodeBlock.of("$T.of($L,$W($N, $N) -> $L)", RuntimeNames.RESPONDERS, command, arguments,
                        connection, call);
            default:
                return CodeBlock.of("$T.ofSync($L, ($N, $N) -> {\n$>$L;\nreturn null;\n$<})", RuntimeNames.RESPONDERS,
                        command, arguments, connection, call);
        }
    }

    /** The wire names, so that {@code or} can refuse another locator that answers one of them too. */
    private static FieldSpec commandNames(LocatorModel locator) {
        List<CodeBlock> names = new ArrayList<>();
        for (ResponderModel responder : locator.responders()) {
            names.add(CodeBlock.of("$S", responder.command().wireName()));
        }
        return FieldSpec.builder(ParameterizedTypeName.get(Set.class, String.class), COMMAND_NAMES,
                        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.of($L)", Set.class, CodeBlock.join(names, ",$W"))
                .build();
    }

    private static MethodSpec locate(LocatorModel locator, Map<ResponderModel, String> fieldNames) {
        String name = "commandName";
        CodeBlock.Builder body = CodeBlock.builder();
        if (locator.responders().isEmpty()) {
            body.addStatement("return null");
        } else {
            body.add("return switch ($N) {\n$>", name);
            for (ResponderModel responder : locator.responders()) {
                body.add("case $S -> $N;\n", responder.command().wireName(), fieldNames.get(responder));
            }
            body.add("default -> null;\n$<};\n");
        }
        return MethodSpec.methodBuilder("locate")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(RuntimeNames.RESPONDER)
                .addParameter(String.class, name)
                .addCode(body.build())
                .build();
    }

    private static String lowerCamel(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
