package io.ampjava.conformance.commands;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;

/**
 * Answers its large values with themselves, and with the SHA-256 (hex) of the bytes of {@code data}
 * as the responder received them: values over 64 KiB, split across keys, in both directions.
 */
@AmpCommand
public interface EchoLarge {
    @Argument(large = true)
    byte[] data();

    @Argument(large = true, optional = true)
    String text();

    @Response
    interface Echoed {
        @Argument(large = true)
        byte[] data();

        @Argument(large = true, optional = true)
        String text();

        @Argument
        String digest();
    }
}
