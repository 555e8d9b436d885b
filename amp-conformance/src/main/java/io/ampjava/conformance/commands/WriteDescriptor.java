package io.ampjava.conformance.commands;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;
import io.ampjava.types.Descriptor;

/** Writes {@code data} to the received descriptor, closes it and answers the byte count (Unix sockets). */
@AmpCommand
public interface WriteDescriptor {
    @Argument
    Descriptor fd();

    @Argument
    byte[] data();

    @Response
    interface Result {
        @Argument
        long written();
    }
}
