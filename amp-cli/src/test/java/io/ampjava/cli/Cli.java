package io.ampjava.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs {@code amp} in this JVM, as the tests whose point is not start-up do. */
public final class Cli {
    /** How long a test waits for a line or for a subcommand to end. */
    static final long TIMEOUT_SECONDS = 20;

    /** What one run printed and how it ended. */
    public record Result(int status, String out, String err) {
        /** Fails unless the run ended with {@code expected}; shows what it printed. */
        public Result assertStatus(int expected) {
            assertEquals(expected, status, () -> "exit status; stdout:\n" + out + "\nstderr:\n" + err);
            return this;
        }
    }

    private Cli() {}

    public static Result run(String... args) {
        return run(new byte[0], args);
    }

    /** Runs with {@code input} as standard input. */
    public static Result run(byte[] input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AmpCli.run(args, out, err, new ByteArrayInputStream(input));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Starts a long-running subcommand ({@code serve}, {@code proxy}) and waits for its first line. */
    public static Running start(String... args) throws InterruptedException {
        return new Running(args);
    }

    /** A subcommand running on a thread of its own until {@link #stop()}. */
    public static final class Running implements AutoCloseable {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final CompletableFuture<Void> stop = new CompletableFuture<>();
        private final CompletableFuture<Integer> status = new CompletableFuture<>();
        private final String firstLine;

        private Running(String[] args) throws InterruptedException {
            InputStream in = new ByteArrayInputStream(new byte[0]);
            Terminal terminal = new Terminal(out, err, in, stop);
            Thread thread = new Thread(() -> status.complete(AmpCli.run(args, terminal)), "amp "
                    + Arrays.toString(args));
            thread.setDaemon(true);
            thread.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (!out().contains("\n")) {
                if (status.isDone()) {
                    fail("amp " + String.join(" ", args) + " ended with " + status.join() + ": " + err());
                }
                if (System.nanoTime() > deadline) {
                    fail("amp " + String.join(" ", args) + " printed no line within " + TIMEOUT_SECONDS + " s");
                }
                Thread.sleep(5);
            }
            firstLine = out().substring(0, out().indexOf('\n'));
        }

        /** The first line, e.g. {@code READY unix:/tmp/x}. */
        public String firstLine() {
            return firstLine;
        }

        /** The address after {@code READY}. */
        public String address() {
            if (!firstLine.startsWith("READY ")) {
                fail("not a READY line: " + firstLine);
            }
            return firstLine.substring("READY ".length());
        }

        public String out() {
            return out.toString(StandardCharsets.UTF_8);
        }

        public String err() {
            return err.toString(StandardCharsets.UTF_8);
        }

        /** Waits until standard output contains {@code text}; returns all of it. */
        public String awaitOutput(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (!out().contains(text)) {
                if (System.nanoTime() > deadline) {
                    fail("no '" + text + "' within " + TIMEOUT_SECONDS + " s in:\n" + out() + "\nstderr:\n" + err());
                }
                Thread.sleep(5);
            }
            return out();
        }

        /** Asks it to stop, as SIGTERM does, and returns how it ended. */
        public Result stop() throws Exception {
            stop.complete(null);
            int code = status.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new Result(code, out(), err());
        }

        @Override
        public void close() throws Exception {
            if (!status.isDone()) {
                stop();
            }
        }
    }
}
