package io.ampjava.wire;

import java.nio.charset.StandardCharsets;

/** The keys that give a box its role (Twisted's amp.py constants). */
public final class AmpKeys {
    public static final String ASK = "_ask";
    public static final String ANSWER = "_answer";
    public static final String COMMAND = "_command";
    public static final String ERROR = "_error";
    public static final String ERROR_CODE = "_error_code";
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
    public static final byte[] ASK_KEY = bytes(ASK);
    public static final byte[] ANSWER_KEY = bytes(ANSWER);
    public static final byte[] COMMAND_KEY = bytes(COMMAND);
    public static final byte[] ERROR_KEY = bytes(ERROR);
    public static final byte[] ERROR_CODE_KEY = bytes(ERROR_CODE);
    public static final byte[] ERROR_DESCRIPTION_KEY = bytes(ERROR_DESCRIPTION);

    private AmpKeys() {}

    private static byte[] bytes(String key) {
        return key.getBytes(StandardCharsets.US_ASCII);
    }
}
