package calc;

import io.ampjava.annotations.Responder;

/** Responders a subclass inherits (Sum, Ping) or registers again (Divide). */
public class BaseCalculator {
    @Responder(Sum.class)
    public Sum.Total sum(long a, long b) {
        return SumCommand.response(a + b);
    }

    @Responder(Divide.class)
    Divide.Result divide(long numerator, long denominator) {
        return DivideCommand.response(0);
    }

    @Responder(Ping.class)
    protected void ping() {}
}
