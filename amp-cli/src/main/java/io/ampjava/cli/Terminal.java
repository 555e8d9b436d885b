package io.ampjava.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Where a subcommand reads and writes, and how a long-running one ({@code serve}, {@code proxy})
 * learns that it should stop: the process's streams and signals when run from {@link AmpCli#main},
 * or a test's buffers and future when run in-process.
 *
 * <p>{@link #out()} is buffered and not flushed automatically: subcommands flush when a line must be
 * seen now ({@code READY}, an answer). {@link #stdout()} is the byte stream under it, for output in
 * bulk; flush {@link #out()} before writing there. {@link #err()} flushes every line.
 */
public final class Terminal {
    private final OutputStream stdout;
    private final PrintWriter out;
    private final PrintWriter err;
    private final InputStream in;
    private final CompletableFuture<Void> stop;

    public Terminal(OutputStream stdout, OutputStream stderr, InputStream in, CompletableFuture<Void> stop) {
        this.stdout = stdout;
        this.out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16));
        this.err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        this.in = in;
        this.stop = stop;
    }

    public PrintWriter out() {
        return out;
    }

    /** Standard output as bytes, unbuffered: write whole blocks. */
    public OutputStream stdout() {
        return stdout;
    }

    public PrintWriter err() {
        return err;
    }

    public InputStream in() {
        return in;
    }

    /** Completes when a long-running subcommand should stop (SIGINT or SIGTERM for the process). */
    public CompletableFuture<Void> stop() {
        return stop;
    }

    /** Completes {@link #stop()} when standard input reaches its end ({@code --exit-on-eof}). */
    public void stopAtEndOfInput() {
        Thread watcher = new Thread(() -> {
            byte[] sink = new byte[512];
            try {
                while (in.read(sink) >= 0) {
                    // only its end matters
                }
            } catch (IOException e) {
                // an unreadable input ends too
            }
            stop.complete(null);
        }, "amp stdin watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
