package io.ampjava.cli.call;

import io.ampjava.cli.CliException;
import io.ampjava.types.Descriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads {@code @FILE} values and opens {@code fd:PATH} ones, with one-line errors. */
final class ValueSources {
    private ValueSources() {}

    /** The bytes of {@code key=@path}; {@code -} is standard input. */
    static byte[] read(String key, String path, InputStream stdin) throws CliException {
        try {
            if (path.equals("-")) {
                return stdin.readAllBytes();
            }
            Path file = Path.of(path);
            if (Files.isDirectory(file)) {
                throw CliException.usage(key + "=@" + path + ": " + path + " is a directory, not a file");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw CliException.usage(key + "=@" + path + ": no such file (write " + key + "=\\@" + path
                    + " to send the text itself)");
        } catch (AccessDeniedException e) {
            throw CliException.usage(key + "=@" + path + ": permission denied");
        } catch (IOException | InvalidPathException e) {
            throw CliException.usage(key + "=@" + path + ": cannot read it: " + e.getMessage());
        }
    }

    /** The descriptor of {@code key=fd:path} (for reading) or {@code key=fdw:path} (for writing). */
    static Descriptor open(KeyValue argument) throws CliException {
        boolean write = argument.source() == KeyValue.Source.DESCRIPTOR_WRITE;
        String shown = argument.key() + "=" + (write ? "fdw:" : "fd:") + argument.text();
        try {
            Path path = Path.of(argument.text());
            return write ? Descriptor.openForWriting(path) : Descriptor.openForReading(path);
        } catch (NoSuchFileException e) {
            throw CliException.usage(shown + ": no such file");
        } catch (AccessDeniedException e) {
            throw CliException.usage(shown + ": permission denied");
        } catch (IOException | InvalidPathException e) {
            throw CliException.usage(shown + ": cannot open it: " + e.getMessage());
        }
    }
}
