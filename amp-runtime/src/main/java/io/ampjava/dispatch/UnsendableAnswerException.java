package io.ampjava.dispatch;

import io.ampjava.wire.TooLongException;

/**
 * A responder's answer that cannot be encoded (a value over AMP's 65,535 bytes, a list too long):
 * the caller gets an error box that says so, and the connection stays up, unlike for a responder
 * that fails, whose connection closes as in Twisted.
 */
final class UnsendableAnswerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnsendableAnswerException(TooLongException cause) {
        super(cause.getMessage(), cause);
    }
}
