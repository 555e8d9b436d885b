package calc;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;

@AmpCommand
public interface Fetch {
    @Argument String url();

    @Response
    interface Page {
        @Argument byte[] body();
    }
}
