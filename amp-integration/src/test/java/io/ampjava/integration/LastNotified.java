package io.ampjava.integration;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;

@AmpCommand
public interface LastNotified {
    @Response
    interface Last {
        @Argument(optional = true) Long value();
    }
}
