package io.ampjava.benchmarks.codec;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;

/** {@code Sum(a, b) -> total}, with the Java types most users would pick. */
@AmpCommand
public interface Sum {
    @Argument
    long a();

    @Argument
    long b();

    @Response
    interface Result {
        @Argument
        long total();
    }
}
