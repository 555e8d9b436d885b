package io.ampjava.types;

import java.nio.charset.StandardCharsets;

/**
 * A {@link LargeValue} that breaks its rules: received longer than the connection's limit, or in a
 * form the scheme does not allow (a chunk missing, cut or of another value); or, when sending, longer
 * than the limit.
 *
 * <p>Unlike other bad arguments, a responder that receives one answers {@code UNKNOWN} with this
 * message and keeps the connection: the box was read whole and nothing of it is kept.
 */
public final class LargeValueException extends BadArgumentException {
    private static final long serialVersionUID = 1L;

    /** The key of the value. */
    private final String key;

    LargeValueException(byte[] key, String problem) {
        this(new String(key, StandardCharsets.UTF_8), problem);
    }

    private LargeValueException(String key, String problem) {
        super("large value '" + key + "' " + problem);
        this.key = key;
    }

    /** {@return the key of the value} */
    public String key() {
        return key;
    }
}
