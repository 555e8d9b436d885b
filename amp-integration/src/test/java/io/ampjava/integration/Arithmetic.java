package io.ampjava.integration;

import io.ampjava.annotations.Responder;
import java.math.BigInteger;

/** Responders that {@link Peer} inherits. */
public class Arithmetic {
    @Responder(Sum.class)
    public Sum.Total sum(BigInteger a, BigInteger b) {
        return SumCommand.response(a.add(b));
    }
}
