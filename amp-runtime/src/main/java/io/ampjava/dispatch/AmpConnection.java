package io.ampjava.dispatch;

import io.ampjava.transport.Transport;
import io.ampjava.types.ArgumentContext;
import io.ampjava.wire.Box;
import java.util.concurrent.CompletableFuture;

/**
 * One AMP connection: Twisted's {@code BinaryBoxProtocol} + {@code BoxDispatcher} over a
 * {@link Transport}. SKELETON: the dispatcher work fills this in; the public API below is fixed.
 */
public final class AmpConnection implements AutoCloseable {
    private AmpConnection() {}

    /**
     * Starts serving {@code transport}: a reader thread parses incoming boxes, answers requests with
     * {@code locator} and completes calls.
     */
    public static AmpConnection open(Transport transport, ResponderLocator locator) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Calls {@code command} on the peer. The future completes with the decoded response; or
     * exceptionally with the command's declared exception for a declared code,
     * {@link UnhandledCommandException}, {@link UnknownRemoteErrorException} for other codes, or
     * {@link ConnectionLostException}. For a command that requires no answer it completes with
     * null once the request is queued.
     *
     * @throws io.ampjava.wire.TooLongException synchronously, when a key or value is too long
     *     (nothing is sent; the tag is consumed, as in Twisted)
     */
    public <A, R> CompletableFuture<R> callRemote(Command<A, R> command, A arguments) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Calls {@code command} with raw argument bytes and no schema; the future completes with the
     * whole answer box ({@code _answer} included) or fails with {@link RemoteAmpException} /
     * {@link UnhandledCommandException} / {@link ConnectionLostException}. {@code arguments} is not
     * modified.
     */
    public CompletableFuture<Box> callRemoteString(String command, Box arguments) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Sends {@code command} without {@code _ask}: no answer will come. The tag counter still advances. */
    public void callRemoteStringNoAnswer(String command, Box arguments) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The descriptor exchange of this connection, for argument types. */
    public ArgumentContext argumentContext() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Completes (normally) once the connection is closed and every outstanding call has failed. */
    public CompletableFuture<Void> closeFuture() {
        throw new UnsupportedOperationException("TODO");
    }

    public boolean isOpen() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Closes the connection; outstanding calls fail with {@link ConnectionLostException}. Idempotent. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("TODO");
    }
}
