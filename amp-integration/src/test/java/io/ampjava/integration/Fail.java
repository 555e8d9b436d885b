package io.ampjava.integration;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.AmpError;
import io.ampjava.annotations.Argument;

/** Fails as asked: {@code declared}, {@code fatal}, {@code undeclared}, {@code checked}; anything else answers. */
@AmpCommand(errors = {
    @AmpError(code = "DECLARED", exception = DeclaredFailure.class),
    @AmpError(code = "FATAL", exception = FatalFailure.class, fatal = true),
    @AmpError(code = "CHECKED", exception = CheckedFailure.class)
})
public interface Fail {
    @Argument String mode();
}
