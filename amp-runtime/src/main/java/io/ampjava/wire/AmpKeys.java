package io.ampjava.wire;

import java.nio.charset.StandardCharsets;

/** The keys that give a box its role (Twisted's amp.py constants). */
public final class AmpKeys {
    /** The key that asks for an answer; its value is the call's tag. */
    public static final String ASK = "_ask";
    /** The key of a successful answer; its value is the tag of the call answered. */
    public static final String ANSWER = "_answer";
    /** The key of a request; its value is the command's name. */
    public static final String COMMAND = "_command";
    /** The key of an error answer; its value is the tag of the call answered. */
    public static final String ERROR = "_error";
    /** The key of an error answer's code. */
    public static final String ERROR_CODE = "_error_code";
    /** The key of an error answer's description. */
    public static final String ERROR_DESCRIPTION = "_error_description";

    /** The error code of an exception the responder did not declare. */
    public static final String UNKNOWN_ERROR_CODE = "UNKNOWN";
    /** The error code for a command no responder handles. */
    public static final String UNHANDLED_ERROR_CODE = "UNHANDLED";

    /** The longest key the wire allows, in bytes. */
    public static final int MAX_KEY_LENGTH = 0xff;
    /** The longest value the wire allows, in bytes. */
    public static final int MAX_VALUE_LENGTH = 0xffff;

    // The same keys as bytes, shared by the runtime's hot paths so that a call allocates no key.
    // Boxes never modify keys; nobody else may either.
    /** {@link #ASK} as bytes (shared: never modify it). */
    public static final byte[] ASK_KEY = bytes(ASK);
    /** {@link #ANSWER} as bytes (shared: never modify it). */
    public static final byte[] ANSWER_KEY = bytes(ANSWER);
    /** {@link #COMMAND} as bytes (shared: never modify it). */
    public static final byte[] COMMAND_KEY = bytes(COMMAND);
    /** {@link #ERROR} as bytes (shared: never modify it). */
    public static final byte[] ERROR_KEY = bytes(ERROR);
    /** {@link #ERROR_CODE} as bytes (shared: never modify it). */
    public static final byte[] ERROR_CODE_KEY = bytes(ERROR_CODE);
    /** {@link #ERROR_DESCRIPTION} as bytes (shared: never modify it). */
    public static final byte[] ERROR_DESCRIPTION_KEY = bytes(ERROR_DESCRIPTION);

    private AmpKeys() {}

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.US_ASCII);
    }
}
