package io.ampjava.dispatch;

import io.ampjava.wire.Box;
import java.util.concurrent.CompletionStage;

/**
 * Answers one command at the box level. Most code never writes one by hand: generated locators
 * build them with {@link Responders#of}.
 *
 * <p>The outcome decides the answer, as in Twisted: a box (without {@code _answer}, which the
 * dispatcher adds) is a success; a {@link RemoteAmpException} is sent with its code and description
 * and closes the connection when it is fatal; any other exception is answered
 * {@code UNKNOWN / Unknown Error} and closes the connection.
 */
@FunctionalInterface
public interface Responder {
    /**
     * Answers {@code request} (which still holds {@code _command} and {@code _ask}). Runs on the
     * connection's reader thread (unless the connection was opened with
     * {@link ConnectionOptions.Builder#responderExecutor}): it must not block; return an incomplete
     * stage instead, and the answer is written when it completes.
     *
     * @param request the request
     * @param connection the connection it came on
     * @return the answer box, when it is ready
     * @throws Exception a {@link RemoteAmpException} to answer with its code, or any other (answered {@code UNKNOWN})
     */
    CompletionStage<Box> respond(Box request, AmpConnection connection) throws Exception;

    /** {@return whether the connection closes once the answer is written (Twisted's {@code QuitBox})} */
    default boolean closesConnection() {
        return false;
    }
}
