package io.ampjava.cli;

/**
 * A failure to report as one line on standard error, with the exit status it ends the command with
 * ({@link ExitCode}). The message says what went wrong and, where it can, what to change.
 */
public final class CliException extends Exception {
    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A bad command line or input: {@link ExitCode#USAGE}. */
    public static CliException usage(String message) {
        return new CliException(ExitCode.USAGE, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
