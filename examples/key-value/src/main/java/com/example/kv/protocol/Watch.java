package com.example.kv.protocol;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;

/**
 * Asks the server to call {@link Changed} on this connection for every value stored from now on
 * under a key that starts with {@code prefix}, in the order they were stored, until the connection
 * closes. The answer is empty.
 */
@AmpCommand
public interface Watch {
    @Argument String prefix();
}
