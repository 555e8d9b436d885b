package io.ampjava.dispatch;

/**
 * The peer answered with an error code the command does not declare, {@code UNKNOWN} included
 * (Twisted's {@code UnknownRemoteError}).
 */
public final class UnknownRemoteErrorException extends RemoteAmpException {
    /**
     * An undeclared error.
     *
     * @param code the error code received
     * @param description its description
     */
    public UnknownRemoteErrorException(String code, String description) {
        super(code, description);
    }
}
