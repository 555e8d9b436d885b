package io.ampjava.dispatch;

import java.time.Duration;
import java.util.Objects;

/**
 * No answer to a call came in time. The call is given up: its answer, should it come later, is
 * dropped (for a protocol switch, which the peer makes on its answer, the connection still switches).
 *
 * <p>The message names the command, the time waited and the connection, e.g.
 * {@code no answer to Divide within 5000 ms on tcp:127.0.0.1:4242}.
 */
public final class CallTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The wire name of the command. */
    private final String command;
    /** How long the caller waited. */
    private final Duration waited;

    /**
     * @param command the command's wire name
     * @param waited how long the caller waited for the answer
     * @param connection the connection the call was made on, as {@link AmpConnection#describe()} gives it
     */
    public CallTimeoutException(String command, Duration waited, String connection) {
        super("no answer to " + command + " within " + waited.toMillis() + " ms on " + connection);
        this.command = Objects.requireNonNull(command, "command");
        this.waited = Objects.requireNonNull(waited, "waited");
    }

    /** {@return the wire name of the command that got no answer} */
    public String command() {
        return command;
    }

    /** {@return how long the caller waited} */
    public Duration waited() {
        return waited;
    }
}
