package calc;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;

@AmpCommand
public interface Sum {
    @Argument long a();

    @Argument long b();

    @Response
    interface Total {
        @Argument long total();
    }
}
