package io.ampjava.dispatch;

/**
 * A call was refused before anything was sent, because the connection is at one of its limits
 * ({@link ConnectionOptions.Builder#maxOutstandingCalls outstanding calls} or
 * {@link ConnectionOptions.Builder#maxQueuedBytes queued outgoing bytes}). No tag was used; the
 * connection stays open, and the same call may succeed once answers have come in or the peer has
 * read what is queued.
 */
public class CallRejectedException extends IllegalStateException {
    /**
     * A refusal.
     *
     * @param message what was refused, and why
     */
    public CallRejectedException(String message) {
        super(message);
    }
}
