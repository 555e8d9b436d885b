package io.ampjava.integration;

import io.ampjava.annotations.Responder;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicInteger;

/** The calling side answers {@link Sum} too, for the peer's {@link Callback}. */
public class Caller {
    final AtomicInteger sums = new AtomicInteger();

    @Responder(Sum.class)
    Sum.Total sum(BigInteger a, BigInteger b) {
        sums.incrementAndGet();
        return SumCommand.response(a.add(b));
    }
}
