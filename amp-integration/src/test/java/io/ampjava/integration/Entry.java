package io.ampjava.integration;

import io.ampjava.annotations.Argument;

/** An AmpList element that two commands use: {@link Entries} answers with it, {@link PutAll} sends it. */
public interface Entry {
    @Argument String key();

    @Argument long value();
}
