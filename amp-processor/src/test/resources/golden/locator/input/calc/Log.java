package calc;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;

@AmpCommand(name = "log")
public interface Log {
    @Argument String line();

    @Argument(optional = true) String level();
}
