package calc;

import io.ampjava.annotations.Responder;
import io.ampjava.dispatch.AmpConnection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Every responder shape: value, CompletionStage, void, the whole command, the connection, static. */
public class Calculator extends BaseCalculator {
    static long lastNotified;

    @Responder(Divide.class)
    Divide.Result divideExactly(Divide arguments) {
        if (arguments.denominator() == 0) {
            throw new ArithmeticException("division by zero");
        }
        return DivideCommand.response((double) arguments.numerator() / arguments.denominator());
    }

    @Responder(Fetch.class)
    CompletableFuture<Fetch.Page> fetch(String url) {
        return CompletableFuture.completedFuture(FetchCommand.response(url.getBytes()));
    }

    @Responder(Log.class)
    CompletionStage<Void> log(AmpConnection connection, String line) {
        return CompletableFuture.completedFuture(null);
    }

    @Responder(Callback.class)
    CompletionStage<Callback.Total> callback(long b, long a, AmpConnection connection) {
        return SumCommand.call(connection, a, b).thenApply(total -> CallbackCommand.response(total.total()));
    }

    @Responder(Notify.class)
    static void notified(long value) {
        lastNotified = value;
    }
}
