package io.ampjava.conformance.commands;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;
import java.math.BigInteger;

/** Calls {@link Sum}{@code (a, b)} back on the caller and answers with the total it got. */
@AmpCommand
public interface Callback {
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
