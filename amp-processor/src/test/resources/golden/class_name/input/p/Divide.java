package p;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;

/** A command whose generated class is named with className, as DivideCommand is taken. */
@AmpCommand(className = "DivisionCalls")
public interface Divide {
    @Argument long numerator();

    @Argument long denominator();

    @Response
    interface Result {
        @Argument double result();
    }
}
