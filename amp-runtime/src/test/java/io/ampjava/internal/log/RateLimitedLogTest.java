package io.ampjava.internal.log;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** A failure repeated every few milliseconds is one line a second, without a stack trace. */
class RateLimitedLogTest {
    /** A logger that keeps what it is asked to log at WARNING, and whether a throwable came with it. */
    private static class Recording implements Logger {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<Throwable> thrown = new CopyOnWriteArrayList<>();

        @Override
        public String getName() {
            return "recording";
        }

        @Override
        public boolean isLoggable(Level level) {
            return level.getSeverity() >= Level.WARNING.getSeverity();
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable failure) {
            if (isLoggable(level)) {
                lines.add(message);
                if (failure != null) {
                    thrown.add(failure);
                }
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... parameters) {
            log(level, bundle, format, (Throwable) null);
        }

        @Override
        public void log(Level level, Supplier<String> message) {
            log(level, null, message.get(), (Throwable) null);
        }
    }

    @Test
    void aRepeatedFailureIsLoggedOnceAnIntervalWithHowManyWereLeftOut() throws Exception {
        Recording logger = new Recording();
        RateLimitedLog log = new RateLimitedLog(logger, 200);
        OutOfMemoryError failure = new OutOfMemoryError("unable to create native thread");
        for (int i = 0; i < 100; i++) {
            log.log(Level.WARNING, "could not start a connection", failure);
        }
        assertEquals(List.of("could not start a connection: java.lang.OutOfMemoryError: unable to create native thread"),
                logger.lines);
        Thread.sleep(250);
        log.log(Level.WARNING, "could not start a connection", failure);
        assertEquals(2, logger.lines.size());
        assertTrue(logger.lines.get(1).endsWith("(99 more like it not logged)"), logger.lines.get(1));
        assertEquals(List.of(), logger.thrown, "no stack trace unless DEBUG is on");
    }

    @Test
    void aLoggerThatThrowsIsNeverWhatFails() {
        Logger broken = new Recording() {
            @Override
            public void log(Level level, ResourceBundle bundle, String message, Throwable failure) {
                throw new OutOfMemoryError("no memory for the log line");
            }
        };
        assertDoesNotThrow(() -> new RateLimitedLog(broken, 200).log(Level.WARNING, "refused a connection", null));
    }
}
