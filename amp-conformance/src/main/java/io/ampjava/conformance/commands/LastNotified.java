package io.ampjava.conformance.commands;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;
import java.math.BigInteger;

/** The value of the last {@link Notify} on this connection; absent if there was none. */
@AmpCommand
public interface LastNotified {
    @Response
    interface Result {
        @Argument(optional = true)
        BigInteger value();
    }
}
