package io.ampjava.conformance.commands;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.AmpError;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;
import java.math.BigInteger;

/**
 * {@code size} bytes, byte {@code i} being {@code i mod 251}; more than 65535 is the declared
 * {@code TOO_BIG}. The size is a BigInteger so that any Integer a peer sends gets Twisted's answer.
 */
@AmpCommand(errors = @AmpError(code = "TOO_BIG", exception = TooBig.class))
public interface Blob {
    @Argument
    BigInteger size();

    @Response
    interface Result {
        @Argument
        byte[] data();
    }
}
