package nest;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;

/** A command nested in a class, inheriting an argument from a superinterface. */
public final class Protocol {
    private Protocol() {}

    @AmpCommand
    public interface Divide extends Traced {
        @Argument long numerator();

        @Argument long denominator();

        @Response
        interface Result {
            @Argument double result();
        }
    }
}
