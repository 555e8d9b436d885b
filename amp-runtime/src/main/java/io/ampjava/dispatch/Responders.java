package io.ampjava.dispatch;

import io.ampjava.types.LargeValueException;
import io.ampjava.wire.AmpKeys;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxEncoder;
import io.ampjava.wire.TooLongException;
import java.lang.ref.WeakReference;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Builds box-level {@link Responder}s from typed handlers; generated locators use it. */
public final class Responders {
    private Responders() {}

    /** A typed handler: the decoded arguments in, the response (or a stage of it) out. */
    @FunctionalInterface
    public interface Handler<A, R> {
        /**
         * Answers one request.
         *
         * @param arguments the decoded arguments
         * @param connection the connection the request came on
         * @return the response, when it is ready
         * @throws Exception a declared exception to answer with its code, or any other (answered {@code UNKNOWN})
         */
        CompletionStage<R> handle(A arguments, AmpConnection connection) throws Exception;
    }

    /**
     * A responder that decodes the arguments of {@code command}, runs {@code handler}, encodes the
     * response, and turns the command's declared exceptions into {@link RemoteAmpException}s with
     * their codes (fatal ones closing the connection). Undeclared exceptions pass through, and the
     * dispatcher answers them {@code UNKNOWN}.
     *
     * @param <A> the arguments' type
     * @param <R> the response's type
     * @param command the command answered
     * @param handler computes the response
     * @return the responder
     */
    public static <A, R> Responder of(Command<A, R> command, Handler<A, R> handler) {
        if (command.switchesProtocol()) {
            throw new IllegalArgumentException(command.name() + " switches protocol: answer it with Responders.switching");
        }
        return new TypedResponder<>(command, handler);
    }

    /**
     * The responder {@link #of} builds. Every answer box it produces is new and referenced nowhere
     * else, so the dispatcher may add {@code _answer} to it in place instead of copying it.
     */
    static final class TypedResponder<A, R> implements Responder {
        private final Command<A, R> command;
        private final Invocation<A, R> handler;
        private final SyncHandler<A, R> syncHandler; // for ofSync: answered at once, without futures

        TypedResponder(Command<A, R> command, Handler<A, R> handler) {
            this(command, handler, null);
        }

        TypedResponder(Command<A, R> command, Handler<A, R> handler, SyncHandler<A, R> syncHandler) {
            this.command = command;
            this.handler = handler::handle;
            this.syncHandler = syncHandler;
        }

        /** Whether {@link #answerNow} may answer (the handler answers at once). */
        boolean answersAtOnce() {
            return syncHandler != null;
        }

        /**
         * Decodes the request, runs the handler and encodes the answer tagged {@code ask} into its
         * frame, all on this thread, with no stage and no new box; null when {@code ask} is null (no
         * answer wanted). Throws what {@link #respond}'s stage would fail with: a
         * {@link RemoteAmpException} for a declared exception, an {@link UnsendableAnswerException}
         * for an answer too long for the wire, or the handler's own exception.
         */
        byte[] answerNow(Box request, byte[] ask, AmpConnection connection) throws Exception {
            A arguments = command.arguments().read(request, connection.argumentContext());
            R response;
            try {
                response = syncHandler.handle(arguments, connection);
            } catch (Exception e) {
                throw declared(command, e);
            }
            Box answer = EncodingScratch.box();
            try {
                // Written even when no answer is wanted, as the staged path does: a codec may act
                // as it writes (send the descriptors it holds, and close its own).
                command.response().write(response, answer, connection.argumentContext());
                if (ask == null) {
                    return null;
                }
                answer.put(AmpKeys.ANSWER_KEY, ask);
                return BoxEncoder.encode(answer);
            } catch (TooLongException | LargeValueException tooLong) {
                throw new UnsendableAnswerException(tooLong);
            } finally {
                EncodingScratch.release(answer);
            }
        }

        @Override
        public CompletionStage<Box> respond(Box request, AmpConnection connection) throws Exception {
            CompletionStage<? extends R> result = invoke(command, request, connection, handler);
            if (result instanceof CompletableFuture) {
                CompletableFuture<? extends R> future = result.toCompletableFuture(); // itself
                if (future.isDone() && !future.isCompletedExceptionally()) {
                    // Answered at once, the usual case: the same answer without a dependent stage.
                    return CompletableFuture.completedFuture(answer(future.getNow(null), connection));
                }
            }
            // The handler's stage may outlive the connection (a timer holds it, or it never completes):
            // the encoding step must not keep the connection reachable. While the connection is open
            // its reader thread keeps it so; once it is gone, nobody could send the answer anyway.
            WeakReference<AmpConnection> weakly = new WeakReference<>(connection);
            return outcome(command, result, response -> answer(response, weakly));
        }

        private Box answer(R response, AmpConnection connection) {
            Box answer = new Box();
            try {
                command.response().write(response, answer, connection.argumentContext());
            } catch (TooLongException | LargeValueException tooLong) {
                // Not the responder's failure: its answer is too long for the wire, or for the limit.
                throw new UnsendableAnswerException(tooLong);
            }
            return answer;
        }

        private Box answer(R response, WeakReference<AmpConnection> weakly) {
            AmpConnection connection = weakly.get();
            if (connection == null) {
                throw new IllegalStateException("the connection of this " + command.name() + " request is gone");
            }
            return answer(response, connection);
        }

        @Override
        public boolean closesConnection() {
            return command.closesConnection();
        }
    }

    /**
     * A responder for a protocol-switching command: decodes the arguments, runs {@code handler} for
     * the protocol to switch to, and maps declared exceptions to their codes as {@link #of} does.
     *
     * @param <A> the arguments' type
     * @param command the protocol-switching command answered
     * @param handler computes the protocol to switch to
     * @return the responder
     */
    public static <A> ProtocolSwitchResponder switching(Command<A, ?> command, SwitchHandler<A> handler) {
        if (!command.switchesProtocol()) {
            throw new IllegalArgumentException(command.name() + " does not switch protocol");
        }
        Invocation<A, SwitchedProtocol> invocation = handler::handle;
        return (request, connection) -> outcome(command, invoke(command, request, connection, invocation),
                protocol -> {
                    if (protocol == null) {
                        throw new IllegalStateException("responder for " + command.name() + " switched to a null protocol");
                    }
                    return protocol;
                });
    }

    /**
     * The same, for a handler that returns the protocol at once.
     *
     * @param <A> the arguments' type
     * @param command the protocol-switching command answered
     * @param handler returns the protocol to switch to
     * @return the responder
     */
    public static <A> ProtocolSwitchResponder switchingSync(Command<A, ?> command, SyncSwitchHandler<A> handler) {
        return switching(command, (arguments, connection) -> CompletableFuture.completedFuture(handler.handle(arguments, connection)));
    }

    /** A typed handler of a protocol-switching command: the decoded arguments in, the protocol (or a stage of it) out. */
    @FunctionalInterface
    public interface SwitchHandler<A> {
        /**
         * Answers one switch request.
         *
         * @param arguments the decoded arguments
         * @param connection the connection the request came on
         * @return the protocol to switch to, when it is ready
         * @throws Exception a declared exception to answer with its code, or any other (answered {@code UNKNOWN})
         */
        CompletionStage<? extends SwitchedProtocol> handle(A arguments, AmpConnection connection) throws Exception;
    }

    /** A typed handler of a protocol-switching command that returns the protocol at once. */
    @FunctionalInterface
    public interface SyncSwitchHandler<A> {
        /**
         * Answers one switch request at once.
         *
         * @param arguments the decoded arguments
         * @param connection the connection the request came on
         * @return the protocol to switch to
         * @throws Exception a declared exception to answer with its code, or any other (answered {@code UNKNOWN})
         */
        SwitchedProtocol handle(A arguments, AmpConnection connection) throws Exception;
    }

    /**
     * The same, for a handler that answers at once.
     *
     * @param <A> the arguments' type
     * @param <R> the response's type
     * @param command the command answered
     * @param handler computes the response
     * @return the responder
     */
    public static <A, R> Responder ofSync(Command<A, R> command, SyncHandler<A, R> handler) {
        if (command.switchesProtocol()) {
            throw new IllegalArgumentException(command.name() + " switches protocol: answer it with Responders.switching");
        }
        return new TypedResponder<>(command,
                (arguments, connection) -> CompletableFuture.completedFuture(handler.handle(arguments, connection)), handler);
    }

    /** A typed handler that answers at once. */
    @FunctionalInterface
    public interface SyncHandler<A, R> {
        /**
         * Answers one request at once.
         *
         * @param arguments the decoded arguments
         * @param connection the connection the request came on
         * @return the response
         * @throws Exception a declared exception to answer with its code, or any other (answered {@code UNKNOWN})
         */
        R handle(A arguments, AmpConnection connection) throws Exception;
    }

    /** A handler of either kind, as {@link #invoke} calls it. */
    @FunctionalInterface
    private interface Invocation<A, T> {
        CompletionStage<? extends T> handle(A arguments, AmpConnection connection) throws Exception;
    }

    /**
     * Decodes the arguments of {@code request} and runs {@code handler} on them; its declared
     * exceptions become {@link RemoteAmpException}s with their codes.
     */
    private static <A, T> CompletionStage<? extends T> invoke(Command<A, ?> command, Box request,
            AmpConnection connection, Invocation<A, T> handler) throws Exception {
        A arguments = command.arguments().read(request, connection.argumentContext());
        CompletionStage<? extends T> result;
        try {
            result = handler.handle(arguments, connection);
        } catch (Exception e) {
            throw declared(command, e);
        }
        if (result == null) {
            throw new IllegalStateException("responder for " + command.name() + " returned a null stage");
        }
        return result;
    }

    /** {@code onSuccess} of the handler's result; its declared exceptions mapped as {@link #invoke} does. */
    private static <T, U> CompletionStage<U> outcome(Command<?, ?> command, CompletionStage<? extends T> result,
            Function<? super T, ? extends U> onSuccess) {
        return result.handle((value, failure) -> {
            if (failure != null) {
                throw new CompletionException(declared(command, unwrap(failure)));
            }
            return onSuccess.apply(value);
        });
    }

    private static <E extends Exception> Exception declared(Command<?, ?> command, Throwable failure) throws E {
        ErrorSpec error = command.errorFor(failure);
        if (error != null) {
            String message = failure.getMessage();
            return new RemoteAmpException(error.code(), message == null ? "" : message, error.fatal());
        }
        if (failure instanceof Exception) {
            return (Exception) failure;
        }
        throw (Error) failure;
    }

    private static Throwable unwrap(Throwable failure) {
        while (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }
}
