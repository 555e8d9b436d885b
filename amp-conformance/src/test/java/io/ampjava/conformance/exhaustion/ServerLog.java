package io.ampjava.conformance.exhaustion;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the server under attack logged (java.util.logging's default format, on standard error). */
final class ServerLog {
    private ServerLog() {}

    /** How many records of the server's log contain {@code text}. */
    static long count(String log, String text) {
        return log.lines().filter(line -> line.contains(text)).count();
    }

    /**
     * Asserts that the log has no stack trace and no heap exhaustion, and that failures repeated
     * during the attack were logged at most about once a second ({@code seconds} of attack).
     */
    static void assertCalm(String log, String repeated, double seconds) {
        String shown = ServerUnderAttack.tail(log);
        assertFalse(log.contains("\tat "), "a stack trace in the log:\n" + shown);
        assertFalse(log.contains("OutOfMemoryError: Java heap space"), "the heap was exhausted:\n" + shown);
        long lines = count(log, repeated);
        assertTrue(lines <= seconds + 2, lines + " lines of \"" + repeated + "\" in " + seconds + " s:\n" + shown);
    }
}
