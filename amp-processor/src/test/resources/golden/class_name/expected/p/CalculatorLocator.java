package p;

import io.ampjava.dispatch.Responder;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.dispatch.Responders;
import java.util.Objects;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Answers the commands of the {@code @Responder} methods of {@link Calculator}:
 * <ul>
 * <li><code>Divide</code> with {@link Calculator#divide}
 * </ul>
 */
@Generated("io.ampjava.processor.AmpProcessor")
public final class CalculatorLocator implements ResponderLocator {
    private static final Set<String> COMMAND_NAMES = Set.of("Divide");

    private final Responder divide;

    /**
     * A locator whose responders call {@code target}.
     *
     * @param target the object whose methods answer
     */
    public CalculatorLocator(Calculator target) {
        Objects.requireNonNull(target, "target");
        this.divide = Responders.ofSync(DivisionCalls.COMMAND,
                (arguments, connection) -> target.divide(arguments.numerator(),
                    arguments.denominator()));
    }

    @Override
    public Responder locate(String commandName) {
        return switch (commandName) {
            case "Divide" -> divide;
            default -> null;
        };
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }
}
