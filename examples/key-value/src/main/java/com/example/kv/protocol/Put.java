package com.example.kv.protocol;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.AmpError;
import io.ampjava.annotations.Argument;

/** Stores {@code value} under {@code key}, replacing any value it had. The answer is empty. */
@AmpCommand(errors = @AmpError(code = "TOO_LARGE", exception = EntryTooLargeException.class))
public interface Put {
    @Argument String key();

    @Argument byte[] value();
}
