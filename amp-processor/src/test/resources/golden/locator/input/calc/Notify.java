package calc;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;

@AmpCommand(requiresAnswer = false)
public interface Notify {
    @Argument long value();
}
