package io.ampjava.integration;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.AmpError;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;

/** {@code size} bytes, byte i = i mod 251; over 65535: the declared error TOO_BIG. */
@AmpCommand(errors = @AmpError(code = "TOO_BIG", exception = IllegalArgumentException.class))
public interface Blob {
    @Argument int size();

    @Response
    interface Data {
        @Argument byte[] data();
    }
}
