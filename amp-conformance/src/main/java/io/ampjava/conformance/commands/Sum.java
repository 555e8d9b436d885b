package io.ampjava.conformance.commands;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;
import java.math.BigInteger;

/** {@code total = a + b}, in arbitrary precision. Callback also calls it back on the caller. */
@AmpCommand
public interface Sum {
    @Argument
    BigInteger a();

    @Argument
    BigInteger b();

    @Response
    interface Result {
        @Argument
        BigInteger total();
    }
}
