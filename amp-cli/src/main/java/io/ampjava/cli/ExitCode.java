package io.ampjava.cli;

/**
 * The exit statuses of {@code amp}, the same for every subcommand (docs/cli.md has the table).
 */
public final class ExitCode {
    /** Done: the call was answered, the stream decoded, the server or proxy stopped when asked. */
    public static final int OK = 0;
    /**
     * The peer answered with an error ({@code amp call}), or the stream is invalid or truncated
     * ({@code amp decode}).
     */
    public static final int REFUSED = 1;
    /** No answer within {@code --timeout}. */
    public static final int TIMEOUT = 2;
    /** A connection could not be made, or was lost; an address could not be listened on. */
    public static final int CONNECTION = 3;
    /** The command line is wrong: an unknown option, a malformed {@code key=value}, a missing file... */
    public static final int USAGE = 4;
    /** A failure this tool did not foresee: a bug, reported with its stack trace under {@code --verbose}. */
    public static final int INTERNAL = 5;

    private ExitCode() {}
}
