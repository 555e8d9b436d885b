package io.ampjava.sample.manager;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared test log ({@code test.log}, as trial's): every worker's {@code TestWrite} lines, in the
 * order they arrive.
 */
final class TestLog implements AutoCloseable {
    private final Path path;
    private final BufferedWriter writer;

    TestLog(Path path) throws IOException {
        this.path = path;
        Files.createDirectories(path.getParent());
        this.writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    }

    Path path() {
        return path;
    }

    synchronized void line(String text) {
        try {
            writer.write(text);
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
