package p;

import io.ampjava.annotations.Responder;

/** A locator finds the generated class by its chosen name. */
public final class Calculator {
    @Responder(Divide.class)
    Divide.Result divide(long numerator, long denominator) {
        return DivisionCalls.response((double) numerator / denominator);
    }
}
