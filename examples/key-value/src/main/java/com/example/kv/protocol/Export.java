package com.example.kv.protocol;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.AmpError;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;
import io.ampjava.types.Descriptor;

/**
 * Writes a snapshot of every entry into {@code target}, a file descriptor the caller passes (a
 * file it opened for writing, or a pipe), so the data does not travel in AMP values. One line per
 * entry, in key order: the key URL-encoded (UTF-8), a tab, the value in Base64. Descriptors travel
 * over Unix sockets only.
 */
@AmpCommand(errors = @AmpError(code = "EXPORT_FAILED", exception = ExportFailedException.class))
public interface Export {
    @Argument Descriptor target();

    @Response
    interface Exported {
        @Argument int count();
    }
}
