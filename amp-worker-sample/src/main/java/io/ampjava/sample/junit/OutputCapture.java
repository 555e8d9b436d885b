package io.ampjava.sample.junit;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Redirects {@link System#out} and {@link System#err} into whole lines while a test runs, so that
 * what a test prints can travel as trial's {@code TestWrite} lines. Closing it hands over the last
 * unterminated line and puts the original streams back.
 *
 * <p>A line with no newline in sight is handed over in pieces of {@value #MAX_PENDING} bytes, so a
 * test that prints megabytes without a newline cannot exhaust the heap.
 */
public final class OutputCapture implements AutoCloseable {
    static final int MAX_PENDING = 1 << 20;

    private final PrintStream originalOut;
    private final PrintStream originalErr;
    private final LineStream out;
    private final LineStream err;

    private OutputCapture(Consumer<String> lines) {
        originalOut = System.out;
        originalErr = System.err;
        out = new LineStream(lines);
        err = new LineStream(lines);
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Starts capturing; every complete line (without its line break) goes to {@code lines}. */
    public static OutputCapture start(Consumer<String> lines) {
        return new OutputCapture(Objects.requireNonNull(lines, "lines"));
    }

    @Override
    public void close() {
        System.out.flush();
        System.err.flush();
        System.setOut(originalOut);
        System.setErr(originalErr);
        out.finish();
        err.finish();
    }

    /** Collects bytes and hands over each line as text. */
    static final class LineStream extends OutputStream {
        private final Consumer<String> lines;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        LineStream(Consumer<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                emitLine();
            } else {
                pending.write(b);
                if (pending.size() >= MAX_PENDING) {
                    emitPiece();
                }
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            int start = offset;
            int end = offset + length;
            for (int i = offset; i < end; i++) {
                if (bytes[i] == '\n') {
                    pending.write(bytes, start, i - start);
                    emitLine();
                    start = i + 1;
                } else if (pending.size() + (i + 1 - start) >= MAX_PENDING) {
                    pending.write(bytes, start, i + 1 - start);
                    emitPiece();
                    start = i + 1;
                }
            }
            pending.write(bytes, start, end - start);
        }

        synchronized void finish() {
            if (pending.size() > 0) {
                emitLine();
            }
        }

        private void emitLine() {
            byte[] line = pending.toByteArray();
            pending.reset();
            int length = line.length;
            if (length > 0 && line[length - 1] == '\r') {
                length--;
            }
            lines.accept(new String(line, 0, length, StandardCharsets.UTF_8));
        }

        /** Hands over the pending bytes up to the last whole UTF-8 character; keeps the rest. */
        private void emitPiece() {
            byte[] bytes = pending.toByteArray();
            // The last byte may end a character or sit inside one: cut before the character it belongs to.
            int cut = Utf8.boundaryAtOrBefore(bytes, bytes.length - 1);
            if (cut == 0) {
                cut = bytes.length;
            }
            pending.reset();
            pending.write(bytes, cut, bytes.length - cut);
            lines.accept(new String(bytes, 0, cut, StandardCharsets.UTF_8));
        }
    }
}
