package com.example.kv.protocol;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;
import java.util.List;

/**
 * One page of the entries, in key order: those after {@code after} (from the first when it is
 * absent), at most {@code limit} of them (at least one) and as many as fit in one AMP value. To read
 * them all, ask again after the last key of each page while {@code more} is true.
 */
@AmpCommand
public interface Entries {
    @Argument(optional = true) String after();

    @Argument int limit();

    @Response
    interface Page {
        @Argument List<Entry> entries();

        /** Whether entries follow the last one of this page. */
        @Argument boolean more();
    }
}
