package opts;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;

/** No answer is asked for. */
@AmpCommand(requiresAnswer = false)
public interface Notify {
    @Argument long value();

    @Argument String channel();
}
