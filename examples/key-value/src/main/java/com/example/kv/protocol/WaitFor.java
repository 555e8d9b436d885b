package com.example.kv.protocol;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;

/**
 * The value under {@code key}, as soon as there is one: at once if the key has a value, else when
 * a {@link Put} or {@link PutAll} stores one. A caller bounds the wait with a timeout; the server
 * forgets the wait when the value comes or the connection closes.
 */
@AmpCommand
public interface WaitFor {
    @Argument String key();

    @Response
    interface Value {
        @Argument byte[] value();
    }
}
