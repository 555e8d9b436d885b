package io.ampjava.dispatch;

/**
 * A responder's answer that cannot be encoded (a value over AMP's 65,535 bytes, a list too long, a
 * large value over the connection's limit):
 * the caller gets an error box that says so, and the connection stays up, unlike for a responder
 * that fails, whose connection closes as in Twisted.
 */
final class UnsendableAnswerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnsendableAnswerException(RuntimeException cause) {
        super(cause.getMessage(), cause);
    }
}
