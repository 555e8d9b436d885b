package io.ampjava.dispatch;

import io.ampjava.wire.Box;
import java.util.concurrent.CompletionStage;

/**
 * Answers a protocol-switching command (Twisted's {@code ProtocolSwitchCommand}) with the protocol
 * to switch to. Generated locators build them with {@link Responders#switching}.
 *
 * <p>On success the connection answers with an empty box ({@code _answer} only, as Twisted does),
 * then hands every later byte to the protocol and refuses to send boxes. A failure is answered like
 * any responder's, and AMP goes on.
 */
@FunctionalInterface
public interface ProtocolSwitchResponder extends Responder {
    /**
     * The protocol to switch to for {@code request}. Runs where responders run (see
     * {@link Responder#respond}); must not block on the reader thread.
     *
     * @param request the request (still holding {@code _command} and {@code _ask})
     * @param connection the connection it came on
     * @return the protocol, when it is ready
     * @throws Exception a declared exception to answer with its code, or any other (answered {@code UNKNOWN})
     */
    CompletionStage<? extends SwitchedProtocol> switchTo(Box request, AmpConnection connection) throws Exception;

    /**
     * Not used: a connection calls {@link #switchTo}. Calling it directly fails, since an answer
     * box alone cannot switch a connection.
     */
    @Override
    default CompletionStage<Box> respond(Box request, AmpConnection connection) {
        throw new UnsupportedOperationException("a protocol-switching responder is run by its connection, with switchTo");
    }
}
