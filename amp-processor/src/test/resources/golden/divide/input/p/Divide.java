package p;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.AmpError;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;

/** The example, as a user writes it. */
@AmpCommand(errors = @AmpError(code = "ZERO_DIVISION", exception = ArithmeticException.class))
public interface Divide {
    @Argument long numerator();

    @Argument long denominator();

    @Argument(optional = true) String note();

    @Response
    interface Result {
        @Argument double result();
    }
}
