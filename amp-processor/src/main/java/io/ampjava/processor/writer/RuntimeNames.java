package io.ampjava.processor.writer;

import com.palantir.javapoet.ClassName;

/** The runtime's classes that generated code uses (the processor itself does not depend on the runtime). */
public final class RuntimeNames {
    static final ClassName BOX = ClassName.get("io.ampjava.wire", "Box");
    static final ClassName ARGUMENT_CONTEXT = ClassName.get("io.ampjava.types", "ArgumentContext");
    static final ClassName ARGUMENT_TYPE = ClassName.get("io.ampjava.types", "ArgumentType");
    static final ClassName BOX_CODEC = ClassName.get("io.ampjava.types", "BoxCodec");
    static final ClassName BAD_ARGUMENT = ClassName.get("io.ampjava.types", "BadArgumentException");
    static final ClassName LIST_OF = ClassName.get("io.ampjava.types", "ListOfArgument");
    static final ClassName AMP_LIST = ClassName.get("io.ampjava.types", "AmpListArgument");
    static final ClassName LARGE_VALUE = ClassName.get("io.ampjava.types", "LargeValue");
    static final ClassName COMMAND = ClassName.get("io.ampjava.dispatch", "Command");
    static final ClassName AMP_TYPE = ClassName.get("io.ampjava.schema", "AmpType");
    static final ClassName FIELD_SCHEMA = ClassName.get("io.ampjava.schema", "FieldSchema");
    static final ClassName ERROR_SPEC = ClassName.get("io.ampjava.dispatch", "ErrorSpec");
    static final ClassName BLOCKING_CALLS = ClassName.get("io.ampjava.dispatch", "BlockingCalls");
    static final ClassName AMP_CONNECTION = ClassName.get("io.ampjava.dispatch", "AmpConnection");
    static final ClassName RESPONDER = ClassName.get("io.ampjava.dispatch", "Responder");
    static final ClassName RESPONDERS = ClassName.get("io.ampjava.dispatch", "Responders");
    static final ClassName RESPONDER_LOCATOR = ClassName.get("io.ampjava.dispatch", "ResponderLocator");
    static final ClassName UNHANDLED_COMMAND = ClassName.get("io.ampjava.dispatch", "UnhandledCommandException");
    static final ClassName UNKNOWN_REMOTE_ERROR = ClassName.get("io.ampjava.dispatch", "UnknownRemoteErrorException");
    static final ClassName CALL_TIMEOUT = ClassName.get("io.ampjava.dispatch", "CallTimeoutException");
    static final ClassName CONNECTION_LOST = ClassName.get("io.ampjava.dispatch", "ConnectionLostException");
    static final ClassName SWITCHED_PROTOCOL = ClassName.get("io.ampjava.dispatch", "SwitchedProtocol");
    static final ClassName PROTOCOL_SWITCHED = ClassName.get("io.ampjava.dispatch", "ProtocolSwitchedException");

    /** The resource listing a compilation's generated command classes ({@code io.ampjava.dispatch.CommandIndex}). */
    public static final String COMMAND_INDEX = "META-INF/amp-java/commands";

    private RuntimeNames() {}
}
