package io.ampjava.integration;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import java.util.List;

/** The schemas of the spec's AmpList vectors: {@code a: Integer, b: Unicode}, and {@code inner: [x]}. */
@AmpCommand
public interface Pairs {
    @Argument(optional = true) List<Pair> pairs();

    @Argument(optional = true) List<Inner> inner();

    interface Pair {
        @Argument long a();

        @Argument String b();
    }

    interface Inner {
        @Argument long x();
    }
}
