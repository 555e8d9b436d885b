package io.ampjava.integration;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;
import io.ampjava.types.Descriptor;

/** Writes {@code data} to the descriptor it receives, closes it, answers the count. */
@AmpCommand
public interface WriteDescriptor {
    @Argument Descriptor fd();

    @Argument byte[] data();

    @Response
    interface Written {
        @Argument long written();
    }
}
