package calc;

import io.ampjava.dispatch.Responder;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.dispatch.Responders;
import java.util.Objects;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Answers the commands of the {@code @Responder} methods of {@link BaseCalculator}:
 * <ul>
 * <li><code>Divide</code> with {@link BaseCalculator#divide}
 * <li><code>Ping</code> with {@link BaseCalculator#ping}
 * <li><code>Sum</code> with {@link BaseCalculator#sum}
 * </ul>
 */
@Generated("io.ampjava.processor.AmpProcessor")
public final class BaseCalculatorLocator implements ResponderLocator {
    private static final Set<String> COMMAND_NAMES = Set.of("Divide", "Ping", "Sum");

    private final Responder divide;

    private final Responder ping;

    private final Responder sum;

    /**
     * A locator whose responders call {@code target}.
     *
     * @param target the object whose methods answer
     */
    public BaseCalculatorLocator(BaseCalculator target) {
        Objects.requireNonNull(target, "target");
        this.divide = Responders.ofSync(DivideCommand.COMMAND,
                (arguments, connection) -> target.divide(arguments.numerator(),
                    arguments.denominator()));
        this.ping = Responders.ofSync(PingCommand.COMMAND, (arguments, connection) -> {
            target.ping();
            return null;
        });
        this.sum = Responders.ofSync(SumCommand.COMMAND,
                (arguments, connection) -> target.sum(arguments.a(), arguments.b()));
    }

    @Override
    public Responder locate(String commandName) {
        return switch (commandName) {
            case "Divide" -> divide;
            case "Ping" -> ping;
            case "Sum" -> sum;
            default -> null;
        };
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }
}
