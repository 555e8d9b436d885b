package app.calc;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.AmpError;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;

@AmpCommand(errors = @AmpError(code = "ZERO_DIVISION", exception = DivisionByZero.class))
public interface Divide {
    @Argument long numerator();

    @Argument long denominator();

    @Response
    interface Result {
        @Argument double result();
    }
}
