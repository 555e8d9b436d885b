package io.ampjava.conformance.interop;

import io.ampjava.annotations.Responder;
import io.ampjava.conformance.commands.Sum;
import io.ampjava.conformance.commands.SumCommand;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The Java client's side of Callback: answers the peer's Sum and remembers what it was asked. */
final class CallbackTarget {
    final List<List<BigInteger>> sums = new CopyOnWriteArrayList<>();

    @Responder(Sum.class)
    Sum.Result sum(BigInteger a, BigInteger b) {
        sums.add(List.of(a, b));
        return SumCommand.response(a.add(b));
    }
}
