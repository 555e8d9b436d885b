package io.ampjava.integration;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;

/** Answers after {@code millis} without holding up other commands. */
@AmpCommand
public interface Delay {
    @Argument long millis();

    @Argument long token();

    @Response
    interface Done {
        @Argument long token();
    }
}
