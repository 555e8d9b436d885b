package io.ampjava.integration;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.AmpError;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;

/** The example: a declared error for a zero denominator. */
@AmpCommand(errors = @AmpError(code = "ZERO_DIVISION", exception = ArithmeticException.class))
public interface Divide {
    @Argument long numerator();

    @Argument long denominator();

    @Response
    interface Result {
        @Argument double result();
    }
}
