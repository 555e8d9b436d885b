package calc;

import io.ampjava.dispatch.Responder;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.dispatch.Responders;
import java.util.Objects;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Answers the commands of the {@code @Responder} methods of {@link Calculator}:
 * <ul>
 * <li><code>Callback</code> with {@link Calculator#callback}
 * <li><code>Divide</code> with {@link Calculator#divideExactly}
 * <li><code>Fetch</code> with {@link Calculator#fetch}
 * <li><code>Notify</code> with {@link Calculator#notified}
 * <li><code>Ping</code> with {@link BaseCalculator#ping}
 * <li><code>Sum</code> with {@link BaseCalculator#sum}
 * <li><code>log</code> with {@link Calculator#log}
 * </ul>
 */
@Generated("io.ampjava.processor.AmpProcessor")
public final class CalculatorLocator implements ResponderLocator {
    private static final Set<String> COMMAND_NAMES = Set.of("Callback", "Divide", "Fetch", "Notify",
            "Ping", "Sum", "log");

    private final Responder callback;

    private final Responder divide;

    private final Responder fetch;

    private final Responder notify;

    private final Responder ping;

    private final Responder sum;

    private final Responder log;

    /**
     * A locator whose responders call {@code target}.
     *
     * @param target the object whose methods answer
     */
    public CalculatorLocator(Calculator target) {
        Objects.requireNonNull(target, "target");
        this.callback = Responders.of(CallbackCommand.COMMAND,
                (arguments, connection) -> target.callback(arguments.b(), arguments.a(),
                    connection));
        this.divide = Responders.ofSync(DivideCommand.COMMAND,
                (arguments, connection) -> target.divideExactly(arguments));
        this.fetch = Responders.of(FetchCommand.COMMAND,
                (arguments, connection) -> target.fetch(arguments.url()));
        this.notify = Responders.ofSync(NotifyCommand.COMMAND, (arguments, connection) -> {
            Calculator.notified(arguments.value());
            return null;
        });
        this.ping = Responders.ofSync(PingCommand.COMMAND, (arguments, connection) -> {
            target.ping();
            return null;
        });
        this.sum = Responders.ofSync(SumCommand.COMMAND,
                (arguments, connection) -> target.sum(arguments.a(), arguments.b()));
        this.log = Responders.of(LogCommand.COMMAND,
                (arguments, connection) -> target.log(connection, arguments.line()));
    }

    @Override
    public Responder locate(String commandName) {
        return switch (commandName) {
            case "Callback" -> callback;
            case "Divide" -> divide;
            case "Fetch" -> fetch;
            case "Notify" -> notify;
            case "Ping" -> ping;
            case "Sum" -> sum;
            case "log" -> log;
            default -> null;
        };
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }
}
