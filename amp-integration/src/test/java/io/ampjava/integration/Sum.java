package io.ampjava.integration;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;
import java.math.BigInteger;

/** {@code total = a + b}, of any size. */
@AmpCommand
public interface Sum {
    @Argument BigInteger a();

    @Argument BigInteger b();

    @Response
    interface Total {
        @Argument BigInteger total();
    }
}
