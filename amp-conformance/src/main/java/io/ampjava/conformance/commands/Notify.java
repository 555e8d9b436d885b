package io.ampjava.conformance.commands;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import java.math.BigInteger;

/** Remembers {@code value} for this connection; callers send it without asking for an answer. */
@AmpCommand(requiresAnswer = false)
public interface Notify {
    @Argument
    BigInteger value();
}
