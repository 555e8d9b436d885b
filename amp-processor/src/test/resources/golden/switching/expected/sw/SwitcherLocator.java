package sw;

import io.ampjava.dispatch.Responder;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.dispatch.Responders;
import java.util.Objects;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Answers the commands of the {@code @Responder} methods of {@link Switcher}:
 * <ul>
 * <li><code>SwitchToEcho</code> with {@link Switcher#echo}
 * <li><code>upgrade</code> with {@link Switcher#upgrade}
 * </ul>
 */
@Generated("io.ampjava.processor.AmpProcessor")
public final class SwitcherLocator implements ResponderLocator {
    private static final Set<String> COMMAND_NAMES = Set.of("SwitchToEcho", "upgrade");

    private final Responder switchToEcho;

    private final Responder upgrade;

    /**
     * A locator whose responders call {@code target}.
     *
     * @param target the object whose methods answer
     */
    public SwitcherLocator(Switcher target) {
        Objects.requireNonNull(target, "target");
        this.switchToEcho = Responders.switchingSync(SwitchToEchoCommand.COMMAND,
                (arguments, connection) -> target.echo(arguments.mode(), connection));
        this.upgrade = Responders.switching(UpgradeCommand.COMMAND,
                (arguments, connection) -> target.upgrade());
    }

    @Override
    public Responder locate(String commandName) {
        return switch (commandName) {
            case "SwitchToEcho" -> switchToEcho;
            case "upgrade" -> upgrade;
            default -> null;
        };
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }
}
