package io.ampjava.dispatch;

import io.ampjava.internal.text.Utf8;
import io.ampjava.types.LargeValueException;
import io.ampjava.wire.AmpKeys;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxEncoder;
import io.ampjava.wire.Bytes;
import io.ampjava.wire.ProtocolException;
import io.ampjava.wire.TooLongException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * Answers the peer's requests on one connection (Twisted's {@code BoxDispatcher._commandReceived}):
 * locates the responder, runs it on the reader thread or the responder executor, and sends its
 * answer or error box from whichever thread it finishes on.
 */
final class RequestHandler {
    private static final System.Logger LOG = System.getLogger(AmpConnection.class.getName());
    static final byte[] UNHANDLED_CODE = AmpKeys.UNHANDLED_ERROR_CODE.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNKNOWN_CODE = AmpKeys.UNKNOWN_ERROR_CODE.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNKNOWN_DESCRIPTION = "Unknown Error".getBytes(StandardCharsets.US_ASCII);

    private final AmpConnection connection;
    private final ResponderLocator locator;
    private final Executor responderExecutor;
    private final ConnectionLimits limits;
    private final OutboundQueue outbound;
    private final StartTlsNegotiation tls;
    private final ProtocolSwitching switching;
    // The last command name decoded, and its text (reader thread only).
    private byte[] lastName;
    private String lastCommand;
    // The requests whose responders answer later, in a ring with this sentinel; guarded by it.
    private final LaterAnswer waiting = new LaterAnswer(this, null, null, null, null, false);
    private boolean closed; // guarded by waiting: connectionClosed has run

    RequestHandler(AmpConnection connection, ResponderLocator locator, Executor responderExecutor,
            ConnectionLimits limits, OutboundQueue outbound, StartTlsNegotiation tls, ProtocolSwitching switching) {
        this.connection = connection;
        this.locator = locator;
        this.responderExecutor = responderExecutor;
        this.limits = limits;
        this.outbound = outbound;
        this.tls = tls;
        this.switching = switching;
    }

    /**
     * On the reader thread: a box with {@code _command}.
     *
     * @return whether nothing holds the request box any more (it was decoded into the responder's
     *     arguments, or answered without a responder), so that the reader may reuse it
     */
    boolean commandReceived(Box request) {
        byte[] name = request.get(AmpKeys.COMMAND_KEY);
        byte[] ask = request.get(AmpKeys.ASK_KEY);
        if (Arrays.equals(name, StartTlsNegotiation.COMMAND)) {
            tls.requested(ask); // on the reader thread, always: it must see the bytes after the request
            return true;
        }
        String command;
        Responder responder;
        if (lastName != null && Arrays.equals(name, lastName)) {
            command = lastCommand; // a peer mostly repeats a few commands: no new String each time
        } else {
            try {
                command = Utf8.decodeStrict(name);
            } catch (CharacterCodingException malformed) {
                command = null; // not valid UTF-8: no responder can match it
            }
            lastName = name;
            lastCommand = command;
        }
        try {
            responder = command == null ? null : locator.locate(command);
        } catch (RuntimeException failure) {
            finish(command, ask, null, null, failure);
            return true;
        }
        if (responder == null) {
            if (!Utf8.isAscii(name)) {
                // Twisted's fallback locator ASCII-decodes the name and the error escapes: it drops
                // the connection without an error box.
                throw new ProtocolException("unknown command with a non-ASCII name " + Bytes.repr(name));
            }
            if (ask == null) {
                throw new ProtocolException("unknown command " + Bytes.repr(name) + " without _ask: nowhere to say so");
            }
            sendError(ask, UNHANDLED_CODE, ("Unhandled Command: " + Bytes.repr(name)).getBytes(StandardCharsets.UTF_8),
                    false);
            return true;
        }
        limits.requestStarted();
        if (responderExecutor == null) {
            respond(command, responder, request, ask);
            // A typed responder decodes the request before it returns and keeps nothing of the box;
            // a responder of the user's may keep it.
            return responder instanceof Responders.TypedResponder;
        }
        limits.requestQueued();
        Responder located = responder;
        String locatedCommand = command;
        try {
            responderExecutor.execute(() -> {
                limits.requestDequeued();
                respond(locatedCommand, located, request, ask);
            });
        } catch (Throwable rejected) {
            // Refused, or an Error (a pool that cannot start a thread): the counts must come down.
            limits.requestDequeued();
            requestFinished(command, ask, responder, null, rejected);
        }
        return false; // the executor's task holds it
    }

    private void respond(String command, Responder responder, Box request, byte[] ask) {
        if (responder instanceof ProtocolSwitchResponder) {
            // Counted out at once: after a switch nothing more is read as AMP anyway.
            try {
                respondSwitching(command, (ProtocolSwitchResponder) responder, request, ask);
            } finally {
                limits.requestFinished();
            }
            return;
        }
        if (responder instanceof Responders.TypedResponder<?, ?> typed && typed.answersAtOnce()) {
            answerAtOnce(command, typed, request, ask);
            return;
        }
        CompletionStage<Box> stage;
        try {
            stage = responder.respond(request, connection);
        } catch (Throwable failure) {
            requestFinished(command, ask, responder, null, failure);
            return;
        }
        if (stage == null) {
            requestFinished(command, ask, responder, null, new IllegalStateException("the responder returned a null stage"));
            return;
        }
        if (stage instanceof CompletableFuture && stage.toCompletableFuture().isDone()) {
            // Answered at once: what whenComplete would do on this thread, without a dependent stage.
            Box answer = null;
            Throwable failure = null;
            try {
                answer = stage.toCompletableFuture().join();
            } catch (CompletionException | CancellationException e) {
                failure = e;
            }
            requestFinished(command, ask, responder, answer, failure);
            return;
        }
        stage.whenComplete(new LaterAnswer(this, command, request, ask, responder, false));
    }

    /**
     * A responder that answers at once (built with {@code Responders.ofSync}, as generated locators
     * build most): the answer's frame is made on this thread with no stage and no new box. Its
     * failures take the usual way.
     */
    private void answerAtOnce(String command, Responders.TypedResponder<?, ?> responder, Box request, byte[] ask) {
        byte[] frame;
        try {
            frame = responder.answerNow(request, ask, connection);
        } catch (Throwable failure) {
            requestFinished(command, ask, responder, null, failure);
            return;
        }
        try {
            if (frame != null && connection.isOpen()) {
                sendFrame(frame, responder.closesConnection());
            }
        } finally {
            limits.requestFinished();
        }
    }

    /** The switch request of a {@link ProtocolSwitchResponder}: the protocol, or an error answer. */
    private void respondSwitching(String command, ProtocolSwitchResponder responder, Box request, byte[] ask) {
        CompletionStage<? extends SwitchedProtocol> stage;
        try {
            stage = responder.switchTo(request, connection);
        } catch (Throwable failure) {
            finish(command, ask, responder, null, failure);
            return;
        }
        if (stage == null) {
            finish(command, ask, responder, null, new IllegalStateException("the responder returned a null stage"));
            return;
        }
        stage.whenComplete(new LaterAnswer(this, command, request, ask, responder, true));
    }

    /** What a switch responder's stage completed with, on whichever thread completed it. */
    private void switchDecided(String command, byte[] ask, Responder responder, Object protocol, Throwable failure) {
        if (failure != null || protocol == null) {
            finish(command, ask, responder, null,
                    failure != null ? failure : new IllegalStateException("the responder switched to a null protocol"));
        } else {
            switching.switchAfterAnswer(ask, (SwitchedProtocol) protocol);
        }
    }

    /**
     * The connection closed: every responder still working is detached from it, so that a stage
     * that completes late (or never) keeps neither the connection nor its buffers reachable. Their
     * stages are not cancelled: a responder may have handed out a stage it shares with others.
     */
    void connectionClosed() {
        synchronized (waiting) {
            closed = true; // a responder that starts after this (an executor's late task) is not linked
            LaterAnswer answer = waiting.next;
            while (answer != waiting) {
                LaterAnswer following = answer.next;
                answer.detach();
                answer = following;
            }
            waiting.next = waiting;
            waiting.previous = waiting;
        }
    }

    /** A located responder is done: answer, and count the request out of those in progress. */
    private void requestFinished(String command, byte[] ask, Responder responder, Box answer, Throwable failure) {
        try {
            finish(command, ask, responder, answer, failure);
        } finally {
            limits.requestFinished();
        }
    }

    /** Sends the outcome of one request, on whichever thread the responder finished. */
    private void finish(String command, byte[] ask, Responder responder, Box answer, Throwable failure) {
        if (!connection.isOpen()) {
            return; // the connection went away meanwhile: nobody to tell (Twisted's _safeEmit)
        }
        failure = unwrap(failure);
        if (failure == null && answer == null) {
            failure = new IllegalStateException("the responder answered a null box");
        }
        if (ask == null) {
            if (failure != null) {
                // Nowhere to report it: Twisted logs it and drops the connection.
                LOG.log(System.Logger.Level.WARNING, "a responder failed on " + connection.describe()
                        + " and the request had no _ask; closing", failure);
                connection.shutdown(failure);
            }
            return;
        }
        if (failure == null) {
            // A responder may hand out a shared box; the boxes of Responders.of are always new.
            Box reply = responder instanceof Responders.TypedResponder ? answer : answer.copy();
            reply.put(AmpKeys.ANSWER_KEY, ask);
            boolean closes;
            try {
                closes = responder.closesConnection();
            } catch (RuntimeException broken) {
                closes = true;
            }
            byte[] frame;
            try {
                frame = BoxEncoder.encode(reply);
            } catch (TooLongException tooLong) {
                unsendable(command, ask, tooLong);
                return;
            }
            sendFrame(frame, closes);
        } else if (failure instanceof UnsendableAnswerException) {
            unsendable(command, ask, failure.getCause());
        } else if (failure instanceof LargeValueException) {
            // The request's box was read whole and nothing of it is kept: say what was wrong, and go on.
            sendError(ask, UNKNOWN_CODE, failure.getMessage().getBytes(StandardCharsets.UTF_8), false);
        } else if (failure instanceof RemoteAmpException) {
            RemoteAmpException error = (RemoteAmpException) failure;
            String description = error.description() == null ? "" : error.description();
            sendError(ask, error.code().getBytes(StandardCharsets.UTF_8), description.getBytes(StandardCharsets.UTF_8),
                    error.isFatal());
        } else {
            LOG.log(System.Logger.Level.WARNING, "a responder failed on " + connection.describe()
                    + "; answering UNKNOWN and closing", failure);
            sendError(ask, UNKNOWN_CODE, UNKNOWN_DESCRIPTION, true);
        }
    }

    /**
     * The responder's answer cannot go on the wire (a value over AMP's 65,535 bytes, say). Twisted
     * would drop the connection without a word; the caller is told instead, and the connection stays.
     */
    private void unsendable(String command, byte[] ask, Throwable why) {
        String reason = "the answer to " + command + " cannot be sent: " + why.getMessage();
        LOG.log(System.Logger.Level.WARNING, reason + " (on " + connection.describe() + "); answering "
                + AmpKeys.UNKNOWN_ERROR_CODE + " with that");
        sendError(ask, UNKNOWN_CODE, reason.getBytes(StandardCharsets.UTF_8), false);
    }

    private void sendError(byte[] ask, byte[] code, byte[] description, boolean closes) {
        Box error = errorBox(ask, code, description);
        byte[] frame;
        try {
            frame = BoxEncoder.encode(error);
        } catch (RuntimeException tooLong) {
            // A description over 65,535 bytes: the code alone must do.
            frame = BoxEncoder.encode(errorBox(ask, code, UNKNOWN_DESCRIPTION));
        }
        sendFrame(frame, closes);
    }

    /** The {@code _error} box that answers the request tagged {@code ask}. */
    static Box errorBox(byte[] ask, byte[] code, byte[] description) {
        Box error = new Box(3);
        error.put(AmpKeys.ERROR_KEY, ask);
        error.put(AmpKeys.ERROR_CODE_KEY, code);
        error.put(AmpKeys.ERROR_DESCRIPTION_KEY, description);
        return error;
    }

    private void sendFrame(byte[] frame, boolean closes) {
        if (outbound.enqueue(frame, closes)) {
            if (closes) {
                // At once, as before batching: the boxes after it in this read must find the
                // connection closed, not run their responders.
                outbound.flush();
            } else {
                connection.flushSoon();
            }
        }
    }

    private static Throwable unwrap(Throwable failure) {
        while ((failure instanceof CompletionException || failure instanceof ExecutionException)
                && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    /**
     * Waits for a responder's stage, on the handler's list of requests in progress: the only thing
     * the stage references, so that {@link #detach} cuts it from the connection. Static, with the
     * handler in a field that {@link #detach} clears: an inner class would keep the handler, and
     * through it the connection, reachable from a stage that never completes.
     */
    private static final class LaterAnswer implements BiConsumer<Object, Throwable> {
        private final boolean switches;
        private final long charge; // the request's bytes, counted against the memory budget until answered
        private volatile RequestHandler handler;
        private final String command;
        private byte[] ask;
        private Responder responder;
        private LaterAnswer previous = this;
        private LaterAnswer next = this;

        LaterAnswer(RequestHandler handler, String command, Box request, byte[] ask, Responder responder,
                boolean switches) {
            this.handler = handler;
            this.command = command;
            this.ask = ask;
            this.responder = responder;
            this.switches = switches;
            if (request == null) {
                this.charge = 0; // the sentinel
                return;
            }
            this.charge = handler.limits.hasBudget() ? BoxEncoder.encodedLength(request) : 0;
            if (charge > 0) {
                handler.limits.requestHeld(charge);
            }
            LaterAnswer waiting = handler.waiting;
            synchronized (waiting) {
                if (handler.closed) {
                    detach();
                    return;
                }
                previous = waiting.previous;
                next = waiting;
                previous.next = this;
                waiting.previous = this;
            }
        }

        @Override
        public void accept(Object result, Throwable failure) {
            RequestHandler owner = handler;
            if (owner == null) {
                return; // detached: the connection closed
            }
            synchronized (owner.waiting) {
                if (handler == null) {
                    return;
                }
                previous.next = next;
                next.previous = previous;
                previous = this;
                next = this;
            }
            if (charge > 0) {
                owner.limits.requestReleased(charge);
            }
            if (switches) {
                // counted out when the responder returned
                owner.switchDecided(command, ask, responder, result, failure);
            } else {
                owner.requestFinished(command, ask, responder, (Box) result, failure);
            }
        }

        /** Under the ring's lock: forget the connection's side. */
        void detach() {
            handler = null;
            ask = null;
            responder = null;
            previous = this;
            next = this;
        }
    }
}
