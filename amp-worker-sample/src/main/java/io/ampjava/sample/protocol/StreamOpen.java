package io.ampjava.sample.protocol;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;

/**
 * Worker to manager (Twisted 22.10 and later): open a stream for a text too long for one AMP value.
 * A manager of 22.8 or earlier answers {@code UNHANDLED}, which tells the worker to use the inline
 * dialect.
 */
@AmpCommand
public interface StreamOpen {
    @Response
    interface Result {
        /** A new id, unique within the manager process (Twisted counts from 0). */
        @Argument
        long streamId();
    }
}
