package io.ampjava.cli.call;

import io.ampjava.cli.CliException;
import io.ampjava.cli.ExitCode;
import io.ampjava.dispatch.CallRejectedException;
import io.ampjava.dispatch.ConnectionLostException;
import io.ampjava.dispatch.RemoteAmpException;
import io.ampjava.dispatch.UnhandledCommandException;
import io.ampjava.types.BadArgumentException;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLException;
import java.util.concurrent.ExecutionException;

/** Why a call failed, as the one line and exit status {@code amp call} ends with. */
final class CallFailures {
    private CallFailures() {}

    /** An error answer's code and description, or null when {@code failure} is not an error answer. */
    static String[] errorAnswer(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof RemoteAmpException) { // UnknownRemoteErrorException too
            RemoteAmpException error = (RemoteAmpException) cause;
            return new String[] {error.code(), error.description()};
        }
        if (cause instanceof UnhandledCommandException) {
            return new String[] {"UNHANDLED", ((UnhandledCommandException) cause).description()};
        }
        return null;
    }

    /** The exception {@code amp call} ends with for {@code failure}. */
    static CliException of(Throwable failure) {
        Throwable cause = unwrap(failure);
        String[] error = errorAnswer(cause);
        if (error != null) {
            return new CliException(ExitCode.REFUSED, "error " + error[0] + ": " + error[1], cause);
        }
        if (cause instanceof ConnectionLostException && cause.getCause() instanceof SSLException) {
            cause = cause.getCause(); // the connection was lost because TLS failed: say that
        }
        if (cause instanceof ConnectionLostException) {
            return new CliException(ExitCode.CONNECTION, "no answer: " + cause.getMessage(), cause);
        }
        if (cause instanceof SSLException) {
            // TLS 1.3: a server that refuses this side's certificate says so after the handshake
            // seemed done, and the call fails with the refusal.
            String message = cause.getMessage();
            if (message != null && message.contains("PKIX path building failed")) {
                message += " (no CA in --ca signed the certificate the peer presented)";
            }
            return new CliException(ExitCode.CONNECTION, "TLS failed: " + message, cause);
        }
        if (cause instanceof BadArgumentException) {
            return new CliException(ExitCode.REFUSED, "the answer does not fit the schema: " + cause.getMessage(),
                    cause);
        }
        if (cause instanceof CallRejectedException) {
            return new CliException(ExitCode.CONNECTION, "the call was refused: " + cause.getMessage(), cause);
        }
        return new CliException(ExitCode.INTERNAL, "the call failed: " + cause, cause);
    }

    static Throwable unwrap(Throwable failure) {
        while ((failure instanceof CompletionException || failure instanceof ExecutionException)
                && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }
}
