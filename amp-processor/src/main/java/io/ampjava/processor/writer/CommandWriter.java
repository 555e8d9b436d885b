package io.ampjava.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import io.ampjava.processor.model.CommandModel;
import io.ampjava.processor.model.ErrorModel;
import io.ampjava.processor.model.FieldModel;
import io.ampjava.processor.model.GeneratedNames;
import io.ampjava.processor.model.RecordModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Command>Command}: the {@code COMMAND} descriptor, the value factories, the codecs,
 * and the {@code call} / {@code callBlocking} stubs.
 */
public final class CommandWriter {
    private final GeneratedFiles files;

    public CommandWriter(GeneratedFiles files) {
        this.files = files;
    }

    public JavaFile write(CommandModel command) {
        ClassName generated = command.generatedName();
        Map<RecordModel, RecordWriter.Names> names = nestedNames(command);
        RecordWriter records = new RecordWriter(names::get);
        ClassName commandName = command.interfaceName();
        TypeName responseType = command.response().<TypeName>map(RecordModel::interfaceName).orElse(ClassName.get(Void.class));

        TypeSpec.Builder type = TypeSpec.classBuilder(generated)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addOriginatingElement(command.element())
                .addJavadoc("The AMP command {@link $T}, wire name <code>$L</code>:\nits descriptor, values and calls.\n",
                        commandName, Javadocs.text(command.wireName()))
                .addField(commandField(command, names, responseType))
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());

        type.addMethod(records.factory(command.arguments(), "arguments",
                CodeBlock.of("The arguments of {@link $T}, to pass to {@link $T#$L}.\n", commandName,
                        RuntimeNames.AMP_CONNECTION, command.switchesProtocol() ? "switchProtocol" : "callRemote"),
                CodeBlock.of("new $T", names.get(command.arguments()).value())));
        command.response().ifPresent(response -> type.addMethod(records.factory(response, "response",
                CodeBlock.of("The response of {@link $T}, for a responder to return.\n", commandName),
                CodeBlock.of("new $T", names.get(response).value()))));
        for (RecordModel element : command.elements()) {
            ClassName elementClass = GeneratedNames.element(element.interfaceName());
            type.addMethod(records.factory(element, GeneratedNames.elementFactory(element.interfaceName()),
                    CodeBlock.of("One element of an AmpList of {@link $T}, as\n{@link $T#of} makes it: equal to the"
                            + " elements of any other command with the same values.\n", element.interfaceName(),
                            elementClass),
                    CodeBlock.of("$T.of", elementClass)));
        }
        type.addMethod(callMethod(command, responseType));
        type.addMethod(callBlockingMethod(command, responseType, false));
        type.addMethod(callBlockingMethod(command, responseType, true));

        for (RecordModel record : names.keySet()) {
            type.addType(records.value(record));
        }
        for (RecordModel record : names.keySet()) {
            type.addType(records.codec(record));
        }
        return files.file(generated.packageName(), type);
    }

    /**
     * The nested classes of the arguments and the response: {@code DivideValue}/{@code DivideCodec},
     * numbered if names clash. AmpList elements have classes of their own.
     */
    private static Map<RecordModel, RecordWriter.Names> nestedNames(CommandModel command) {
        List<RecordModel> all = new ArrayList<>();
        all.add(command.arguments());
        command.response().ifPresent(all::add);
        Set<String> taken = new HashSet<>();
        taken.add(command.generatedName().simpleName());
        Map<RecordModel, RecordWriter.Names> names = new LinkedHashMap<>();
        for (RecordModel record : all) {
            String base = record.interfaceName().simpleName();
            String suffix = "";
            for (int n = 2; taken.contains(base + suffix + "Value") || taken.contains(base + suffix + "Codec"); n++) {
                suffix = Integer.toString(n);
            }
            taken.add(base + suffix + "Value");
            taken.add(base + suffix + "Codec");
            names.put(record, new RecordWriter.Names(
                    command.generatedName().nestedClass(base + suffix + "Value"),
                    command.generatedName().nestedClass(base + suffix + "Codec")));
        }
        return names;
    }

    private static FieldSpec commandField(CommandModel command, Map<RecordModel, RecordWriter.Names> names,
            TypeName responseType) {
        CodeBlock responseCodec = command.response()
                .map(response -> CodeBlock.of("$T.INSTANCE", names.get(response).codec()))
                .orElse(CodeBlock.of("$T.EMPTY", RuntimeNames.COMMAND));
        // On a line of its own: the declaration before it is long already.
        CodeBlock.Builder initializer = CodeBlock.builder()
                .add("\n$>$>$T.builder($S,$W$T.INSTANCE,$W$L)$>$>", RuntimeNames.COMMAND, command.wireName(),
                        names.get(command.arguments()).codec(), responseCodec);
        for (ErrorModel error : command.errors()) {
            CodeBlock factory = error.messageConstructor()
                    ? CodeBlock.of("$T::new", error.exception())
                    : CodeBlock.of("description -> new $T()", error.exception());
            initializer.add("\n.error($T.$N($S,$W$T.class,$W$L))", RuntimeNames.ERROR_SPEC,
                    error.fatal() ? "fatal" : "of", error.code(), error.exception(), factory);
        }
        if (!command.requiresAnswer()) {
            initializer.add("\n.requiresAnswer(false)");
        }
        if (command.closesConnection()) {
            initializer.add("\n.closesConnection(true)");
        }
        if (command.switchesProtocol()) {
            initializer.add("\n.switchesProtocol(true)");
        }
        CodeBlock responseFields = command.response()
                .map(response -> CodeBlock.of("$T.FIELDS", names.get(response).codec()))
                .orElse(CodeBlock.of("$T.of()", List.class));
        initializer.add("\n.schema($T.FIELDS,$W$L)", names.get(command.arguments()).codec(), responseFields);
        initializer.add("\n.build()$<$<$<$<");
        return FieldSpec.builder(ParameterizedTypeName.get(RuntimeNames.COMMAND, command.interfaceName(), responseType),
                        "COMMAND", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("{@link $T} as the runtime sees it: wire name, codecs, declared errors and schema.\n",
                        command.interfaceName())
                .initializer(initializer.build())
                .build();
    }

    private static MethodSpec callMethod(CommandModel command, TypeName responseType) {
        NameAllocator names = argumentNames(command);
        String connection = names.newName("connection");
        String arguments = names.newName("arguments");
        String failure = names.newName("failure");
        Switch protocol = Switch.of(command, names);
        MethodSpec.Builder call = MethodSpec.methodBuilder("call")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(ClassName.get(CompletableFuture.class),
                        protocol != null ? protocol.type() : responseType))
                .addParameter(RuntimeNames.AMP_CONNECTION, connection);
        addArgumentParameters(call, command);
        String badArguments = RecordWriter.nullProblem(command.arguments());
        CodeBlock badArgumentsFailure = badArguments == null ? CodeBlock.of("")
                : CodeBlock.of("{@link NullPointerException} if $L (nothing is sent),\n", badArguments);
        if (protocol != null) {
            protocol.addTo(call);
            call.addJavadoc("Calls {@link $T} on the peer of {@code $N};\nonce the peer accepts, {@code $N} takes the"
                    + " connection over instead of AMP.\n", command.interfaceName(), connection, protocol.parameter());
            call.addJavadoc("\n<p>Until the answer, the connection sends no box ({@link $T}).\nThe future completes with"
                    + " {@code $N} once it has taken over, or exceptionally with\n$L", RuntimeNames.PROTOCOL_SWITCHED,
                    protocol.parameter(), badArgumentsFailure);
            for (ErrorModel error : command.errors()) {
                call.addJavadoc("{@link $T} (error <code>$L</code>$L),\n", error.exception(), Javadocs.text(error.code()),
                        error.fatal() ? ", after which the peer closes the connection" : "");
            }
            call.addJavadoc("{@link $T} if the peer does not know the command,\n{@link $T} for any other error code\n"
                    + "(after an error AMP goes on), or {@link $T} if the connection closes first.\n",
                    RuntimeNames.UNHANDLED_COMMAND, RuntimeNames.UNKNOWN_REMOTE_ERROR, RuntimeNames.CONNECTION_LOST);
            call.addJavadoc("\n@param $N the connection to call on\n", connection)
                    .addJavadoc(argumentJavadoc(command))
                    .addJavadoc(protocol.javadoc())
                    .addJavadoc("@return the protocol, once it has taken the connection over\n");
        } else {
            call.addJavadoc("Calls {@link $T} on the peer of {@code $N}.\n", command.interfaceName(), connection);
            if (command.requiresAnswer()) {
                call.addJavadoc("\n<p>The future completes with the $L, or exceptionally with\n$L",
                        command.response().isPresent() ? "response" : "empty answer ({@code null})", badArgumentsFailure);
                for (ErrorModel error : command.errors()) {
                    call.addJavadoc("{@link $T} (error <code>$L</code>$L),\n", error.exception(),
                            Javadocs.text(error.code()), error.fatal() ? ", after which the peer closes the connection" : "");
                }
                call.addJavadoc("{@link $T} if the peer does not know the command,\n{@link $T} for any other error code,\n"
                        + "or {@link $T} if the connection closes first.\n", RuntimeNames.UNHANDLED_COMMAND,
                        RuntimeNames.UNKNOWN_REMOTE_ERROR, RuntimeNames.CONNECTION_LOST);
            } else {
                call.addJavadoc("\n<p>The command asks for no answer: the future completes with {@code null} once the\n"
                        + "request is queued$L.\n", badArguments == null ? ""
                                : CodeBlock.of(", or fails with {@link NullPointerException} if $L\n(nothing is sent)",
                                        badArguments));
            }
            call.addJavadoc("\n@param $N the connection to call on\n", connection)
                    .addJavadoc(argumentJavadoc(command))
                    .addJavadoc("@return the answer to come\n");
        }
        Function<CodeBlock, CodeBlock> send = values -> protocol != null
                ? CodeBlock.of("return $N.switchProtocol($T.COMMAND,$W$L,$W$N)", connection, command.generatedName(),
                        values, protocol.parameter())
                : CodeBlock.of("return $N.callRemote($T.COMMAND,$W$L)", connection, command.generatedName(), values);
        CodeBlock values = CodeBlock.of("arguments($L)", argumentList(command));
        if (badArguments == null) {
            return call.addStatement(send.apply(values)).build();
        }
        // A bad value fails the future, as everything else that goes wrong with a call does.
        return call.addStatement("$T $N", command.interfaceName(), arguments)
                .beginControlFlow("try")
                .addStatement("$N = $L", arguments, values)
                .nextControlFlow("catch ($T $N)", NullPointerException.class, failure)
                .addStatement("return $T.failedFuture($N)", CompletableFuture.class, failure)
                .endControlFlow()
                .addStatement(send.apply(CodeBlock.of("$N", arguments)))
                .build();
    }

    /** {@code callBlocking(connection, ...)}, or {@code callBlocking(connection, timeout, ...)}. */
    private static MethodSpec callBlockingMethod(CommandModel command, TypeName responseType, boolean timed) {
        NameAllocator names = argumentNames(command);
        String connection = names.newName("connection");
        String timeout = names.newName("timeout");
        String failure = names.newName("failure");
        Switch protocol = Switch.of(command, names);
        boolean empty = command.response().isEmpty() && protocol == null;
        MethodSpec.Builder call = MethodSpec.methodBuilder("callBlocking")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(protocol != null ? protocol.type() : empty ? TypeName.VOID : responseType)
                .addParameter(RuntimeNames.AMP_CONNECTION, connection);
        if (timed) {
            call.addParameter(Duration.class, timeout);
        }
        addArgumentParameters(call, command);
        if (protocol != null) {
            protocol.addTo(call);
        }
        // User names come first on a line of their own, so that lines stay short whatever their length.
        if (timed) {
            call.addJavadoc("Calls {@link $T} on the peer of {@code $N}\nand waits at most {@code $N} for the answer,"
                    + " without reacting to interrupts.\n", command.interfaceName(), connection, timeout);
        } else {
            call.addJavadoc("Calls {@link $T} on the peer of {@code $N}\nand waits for the answer, without a time limit"
                    + " (a closing connection fails every call it has\nnot answered) and without reacting to"
                    + " interrupts.\n", command.interfaceName(), connection);
        }
        call.addJavadoc("\n<p>Never call it on the connection's reader thread (in a responder, or in a callback of another\n"
                + "call's future): that thread is the one that would deliver the answer. Use {@link #call} there.\n");
        call.addJavadoc("\n@param $N the connection to call on\n", connection);
        if (timed) {
            call.addJavadoc("@param $N how long to wait for the answer\n", timeout);
        }
        call.addJavadoc(argumentJavadoc(command));
        if (protocol != null) {
            call.addJavadoc(protocol.javadoc()).addJavadoc("@return the protocol, once it has taken the connection over\n");
        } else if (!empty) {
            call.addJavadoc("@return the response\n");
        }
        Set<TypeName> checked = new LinkedHashSet<>();
        for (ErrorModel error : command.errors()) {
            call.addJavadoc("@throws $T if the peer answers the error <code>$L</code>\n", error.exception(),
                    Javadocs.text(error.code()));
            if (error.checked() && checked.add(error.exception())) {
                call.addException(error.exception());
            }
        }
        call.addJavadoc("@throws $T if the peer does not know the command\n", RuntimeNames.UNHANDLED_COMMAND)
                .addJavadoc("@throws $T for any other error code\n", RuntimeNames.UNKNOWN_REMOTE_ERROR)
                .addJavadoc("@throws $T if the connection closes before the answer\n", RuntimeNames.CONNECTION_LOST);
        if (timed) {
            call.addJavadoc("@throws $T if no answer comes within {@code $N}$L\n", RuntimeNames.CALL_TIMEOUT, timeout,
                    protocol != null
                            ? " (should the peer answer later,\nthe connection still switches to {@code " + protocol.parameter() + "})"
                            : " (the call is given up)");
        }
        String badArguments = RecordWriter.nullProblem(command.arguments());
        if (badArguments != null) {
            call.addJavadoc("@throws NullPointerException if $L (nothing is sent)\n", badArguments);
        }
        CodeBlock pending = CodeBlock.of("call($N$L$L)", connection,
                command.arguments().fields().isEmpty() ? CodeBlock.of("") : CodeBlock.of(",$W$L", argumentList(command)),
                protocol != null ? CodeBlock.of(",$W$N", protocol.parameter()) : CodeBlock.of(""));
        CodeBlock invocation = timed
                ? CodeBlock.of("$T.await($L,$W$N,$W$T.COMMAND,$W$N)", RuntimeNames.BLOCKING_CALLS, pending, timeout,
                        command.generatedName(), connection)
                : CodeBlock.of("$T.await($L)", RuntimeNames.BLOCKING_CALLS, pending);
        CodeBlock statement = empty ? invocation : CodeBlock.of("return $L", invocation);
        if (checked.isEmpty()) {
            return call.addStatement(statement).build();
        }
        // A checked failure comes wrapped; only the declared types can be rethrown as themselves.
        call.beginControlFlow("try")
                .addStatement(statement)
                .nextControlFlow("catch ($T $N)", CompletionException.class, failure);
        for (TypeName exception : checked) {
            call.addStatement("$T.throwIfCause($N, $T.class)", RuntimeNames.BLOCKING_CALLS, failure, exception);
        }
        return call.addStatement("throw $N", failure).endControlFlow().build();
    }

    /**
     * The extra parameter of a protocol-switching command's stubs: the protocol to switch to, typed
     * by a type variable so that the stub returns the caller's own protocol type.
     */
    private record Switch(TypeVariableName type, String parameter) {
        /** For a switching command, with names that clash with no argument; null otherwise. */
        static Switch of(CommandModel command, NameAllocator names) {
            if (!command.switchesProtocol()) {
                return null;
            }
            // The type variable must not hide a type the arguments name.
            Set<String> used = new HashSet<>();
            for (FieldModel field : command.arguments().fields()) {
                for (String word : field.javaType().toString().split("[^A-Za-z0-9_$]+")) {
                    used.add(word);
                }
            }
            String variable = "P";
            for (int n = 2; used.contains(variable); n++) {
                variable = "P" + n;
            }
            return new Switch(TypeVariableName.get(variable, RuntimeNames.SWITCHED_PROTOCOL), names.newName("protocol"));
        }

        void addTo(MethodSpec.Builder method) {
            method.addTypeVariable(type).addParameter(type, parameter);
        }

        CodeBlock javadoc() {
            return CodeBlock.of("@param $N the protocol that takes the connection over after the answer\n"
                    + "@param <$L> the protocol's type\n", parameter, type.name());
        }
    }

    /** Reserves the argument names, so that generated parameters and locals never clash with them. */
    private static NameAllocator argumentNames(CommandModel command) {
        NameAllocator names = new NameAllocator();
        for (FieldModel field : command.arguments().fields()) {
            names.newName(field.javaName());
        }
        return names;
    }

    private static void addArgumentParameters(MethodSpec.Builder method, CommandModel command) {
        for (FieldModel field : command.arguments().fields()) {
            method.addParameter(field.javaType(), field.javaName());
        }
    }

    private static CodeBlock argumentJavadoc(CommandModel command) {
        CodeBlock.Builder javadoc = CodeBlock.builder();
        for (FieldModel field : command.arguments().fields()) {
            javadoc.add("@param $N $L\n", field.javaName(), RecordWriter.describe(field));
        }
        return javadoc.build();
    }

    private static CodeBlock argumentList(CommandModel command) {
        List<CodeBlock> names = new ArrayList<>();
        for (FieldModel field : command.arguments().fields()) {
            names.add(CodeBlock.of("$N", field.javaName()));
        }
        return CodeBlock.join(names, ",$W");
    }
}
