package io.ampjava.integration;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;
import java.math.BigInteger;

/** The responder calls {@link Sum} back on the caller, over the same connection, and answers its total. */
@AmpCommand
public interface Callback {
    @Argument BigInteger a();

    @Argument BigInteger b();

    @Response
    interface Total {
        @Argument BigInteger total();
    }
}
