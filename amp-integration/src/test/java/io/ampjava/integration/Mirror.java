package io.ampjava.integration;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;

/**
 * Answers large values with themselves and the SHA-256 of the bytes it received, so a test sees both
 * directions and what the responder got. {@code times} above 1 answers the bytes repeated that often.
 */
@AmpCommand
public interface Mirror {
    @Argument(large = true)
    byte[] data();

    @Argument(large = true, optional = true)
    String text();

    @Argument
    int times();

    @Response
    interface Mirrored {
        @Argument(large = true)
        byte[] data();

        @Argument(large = true, optional = true)
        String text();

        @Argument
        String digest();
    }
}
