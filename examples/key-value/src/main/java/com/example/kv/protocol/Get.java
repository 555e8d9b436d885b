package com.example.kv.protocol;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.AmpError;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;

/** The value under {@code key}; fails with {@link KeyNotFoundException} when there is none. */
@AmpCommand(errors = @AmpError(code = "NOT_FOUND", exception = KeyNotFoundException.class))
public interface Get {
    @Argument String key();

    @Response
    interface Value {
        @Argument byte[] value();
    }
}
