package io.ampjava.conformance.commands;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;
import java.math.BigInteger;

/** Answers {@code token} after {@code millis} ms, without holding up other commands on the connection. */
@AmpCommand
public interface Delay {
    @Argument
    BigInteger millis();

    @Argument
    BigInteger token();

    @Response
    interface Result {
        @Argument
        BigInteger token();
    }
}
