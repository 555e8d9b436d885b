package io.ampjava.conformance.commands;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.AmpError;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;
import java.math.BigInteger;

/** {@code numerator / denominator} as a Float; a zero denominator is the declared {@code ZERO_DIVISION}. */
@AmpCommand(errors = @AmpError(code = "ZERO_DIVISION", exception = ArithmeticException.class))
public interface Divide {
    @Argument
    BigInteger numerator();

    @Argument
    BigInteger denominator();

    @Response
    interface Result {
        @Argument
        double result();
    }
}
