package io.ampjava.integration;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;

/** Asks for no answer; the peer remembers the value. */
@AmpCommand(requiresAnswer = false)
public interface Notify {
    @Argument long value();
}
