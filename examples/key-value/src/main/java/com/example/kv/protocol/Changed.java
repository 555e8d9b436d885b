package com.example.kv.protocol;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;

/** The server's call to a client that {@link Watch}es: {@code key} now holds {@code value}. */
@AmpCommand
public interface Changed {
    @Argument String key();

    @Argument byte[] value();
}
