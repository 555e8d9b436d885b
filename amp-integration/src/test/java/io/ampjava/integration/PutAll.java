package io.ampjava.integration;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import java.util.List;

/** Sends {@link Entry} elements, as {@link Entries} answers with them. */
@AmpCommand
public interface PutAll {
    @Argument List<Entry> entries();
}
