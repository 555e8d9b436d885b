package opts;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.AmpError;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;
import java.io.IOException;

/**
 * A renamed command with renamed arguments, errors of every kind, and argument names that clash
 * with what generated code would call its own parameters, locals and constants.
 */
@AmpCommand(
        name = "store-blob",
        errors = {
            @AmpError(code = "NO_SPACE", exception = IOException.class, fatal = true),
            @AmpError(code = "REFUSED", exception = RefusedException.class),
            @AmpError(code = "BAD", exception = IllegalArgumentException.class)
        })
public interface StoreBlob {
    @Argument("dash-arg") String dashArg();

    @Argument("print") byte[] data();

    @Argument String connection();

    @Argument long e();

    @Argument int cause();

    @Argument(optional = true) String URL();

    @Response
    interface Stored {
        @Argument("bytes-written") long bytesWritten();
    }
}
