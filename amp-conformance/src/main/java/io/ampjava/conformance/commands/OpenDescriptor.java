package io.ampjava.conformance.commands;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;
import io.ampjava.types.Descriptor;
import java.nio.file.Path;

/** Opens {@code path} for reading and sends its descriptor (Unix sockets). */
@AmpCommand
public interface OpenDescriptor {
    @Argument
    Path path();

    @Response
    interface Result {
        @Argument
        Descriptor fd();
    }
}
