package com.example.kv.protocol;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;
import java.util.List;

/**
 * Stores several entries at once. The whole list is one AMP value, so it holds at most {@link
 * Limits#MAX_VALUE_BYTES} on the wire, which no entry too large for {@link Put} fits in; {@link
 * Limits#batches} splits a longer list.
 */
@AmpCommand
public interface PutAll {
    @Argument List<Entry> entries();

    @Response
    interface Stored {
        @Argument int count();
    }
}
