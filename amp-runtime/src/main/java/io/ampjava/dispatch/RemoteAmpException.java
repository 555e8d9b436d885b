package io.ampjava.dispatch;

import io.ampjava.wire.Bytes;
import java.nio.charset.StandardCharsets;

/**
 * An AMP error with a code and a description (Twisted's {@code RemoteAmpError}).
 *
 * <p>On the caller side, {@code callRemoteString} fails with it for every error answer but
 * {@code UNHANDLED}. On the responder side, throwing it sends its code and description as they are,
 * and closes the connection afterwards when {@link #isFatal()}.
 */
public class RemoteAmpException extends RuntimeException {
    /** The error code. */
    private final String code;
    /** The description. */
    private final String description;
    /** Whether the connection closes after this error is sent. */
    private final boolean fatal;

    /**
     * An error that leaves the connection open.
     *
     * @param code the error code
     * @param description the description
     */
    public RemoteAmpException(String code, String description) {
        this(code, description, false);
    }

    /**
     * An error, fatal or not.
     *
     * @param code the error code
     * @param description the description
     * @param fatal whether the responder closes the connection after sending it
     */
    public RemoteAmpException(String code, String description, boolean fatal) {
        super(format(code, description));
        this.code = code;
        this.description = description;
        this.fatal = fatal;
    }

    /** {@return the error code, e.g. {@code ZERO_DIVISION}} */
    public String code() {
        return code;
    }

    /** {@return the description, decoded as UTF-8 with malformed bytes replaced} */
    public String description() {
        return description;
    }

    /** {@return whether the connection closes after this error is sent} */
    public boolean isFatal() {
        return fatal;
    }

    /** Twisted's text: {@code Code<CODE>: description}, non-ASCII code bytes as {@code \xNN}. */
    static String format(String code, String description) {
        String repr = Bytes.repr(code.getBytes(StandardCharsets.UTF_8));
        return "Code<" + repr.substring(2, repr.length() - 1) + ">: " + description;
    }
}
