package io.ampjava.conformance.commands;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.AmpError;
import io.ampjava.annotations.Argument;

/**
 * Fails as {@code mode} says: {@code declared} (the declared {@code DECLARED}), {@code fatal} (the
 * declared fatal {@code FATAL}), {@code undeclared} (an undeclared exception: {@code UNKNOWN} and a
 * close); any other mode answers with an empty response.
 */
@AmpCommand(errors = {
    @AmpError(code = "DECLARED", exception = DeclaredFailure.class),
    @AmpError(code = "FATAL", exception = FatalFailure.class, fatal = true)
})
public interface Fail {
    @Argument
    String mode();
}
