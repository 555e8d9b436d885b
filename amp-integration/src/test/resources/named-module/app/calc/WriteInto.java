package app.calc;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;
import io.ampjava.types.Descriptor;

/** Passes a file descriptor: the runtime's native calls (jnr-ffi) on the module path. */
@AmpCommand
public interface WriteInto {
    @Argument Descriptor fd();

    @Argument byte[] data();

    @Response
    interface Written {
        @Argument long written();
    }
}
