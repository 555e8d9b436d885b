package io.ampjava.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

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

    /**
     * A connection that could not be made, or an address that could not be listened on:
     * {@link ExitCode#CONNECTION}, with the failure's message.
     */
    public static CliException connection(IOException failure) {
        return new CliException(ExitCode.CONNECTION, message(failure), failure);
    }

    /**
     * The message of an I/O failure, as one line: a {@link FileSystemException} (no such socket,
     * permission denied) says its reason, which names the path already.
     */
    public static String message(IOException failure) {
        if (failure instanceof FileSystemException) {
            FileSystemException problem = (FileSystemException) failure;
            if (problem.getReason() != null) {
                return problem.getReason();
            }
            if (failure instanceof NoSuchFileException) {
                return problem.getFile() + ": no such file";
            }
            if (failure instanceof AccessDeniedException) {
                return problem.getFile() + ": permission denied";
            }
        }
        return failure.getMessage() != null ? failure.getMessage() : failure.toString();
    }

    public int exitCode() {
        return exitCode;
    }
}
