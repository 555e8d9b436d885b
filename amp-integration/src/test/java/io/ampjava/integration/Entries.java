package io.ampjava.integration;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;
import java.util.List;

/** Answers with {@link Entry} elements, as {@link PutAll} sends them. */
@AmpCommand
public interface Entries {
    @Response
    interface Listing {
        @Argument List<Entry> entries();
    }
}
