package io.ampjava.conformance.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The logs of the processes the suites start, read for failure messages. */
public final class LogFiles {
    private static final int TAIL_CHARS = 4000;

    private LogFiles() {}

    /** What {@code file} holds so far, or nothing when it cannot be read (not written yet). */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The end of {@code text}, short enough for a failure message. */
    public static String tail(String text) {
        return text.length() <= TAIL_CHARS ? text : "..." + text.substring(text.length() - TAIL_CHARS);
    }
}
