package io.ampjava.integration;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;
import io.ampjava.types.Descriptor;
import java.nio.file.Path;

/** Opens {@code path} for reading and answers with its descriptor. */
@AmpCommand
public interface OpenDescriptor {
    @Argument Path path();

    @Response
    interface Opened {
        @Argument Descriptor fd();
    }
}
