package io.ampjava.dispatch;

import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the responder for a command name, or none. Generated per class with {@code @Responder}
 * methods (as {@code <Class>Locator}); several can be chained with {@link #or}.
 */
@FunctionalInterface
public interface ResponderLocator {
    /** A locator that knows no command: every request is answered {@code UNHANDLED}. */
    ResponderLocator NONE = name -> null;

    /**
     * The responder for the exact, case-sensitive wire name {@code commandName}, or null.
     *
     * @param commandName the command's wire name
     * @return the responder, or null
     */
    Responder locate(String commandName);

    /**
     * The wire names this locator answers, when it knows them ahead (generated locators,
     * {@link StartTlsResponder#locator}, and locators joined with {@link #or} from such); empty when it
     * cannot say (a lambda, say).
     *
     * @return the names, or an empty set
     */
    default Set<String> commandNames() {
        return Set.of();
    }

    /**
     * This locator, then {@code next} for the names this one does not know.
     *
     * @param next asked when this one does not know a name
     * @return the combined locator
     * @throws IllegalArgumentException when both answer the same wire name (as far as
     *     {@link #commandNames()} tells): one of the two responders would never run
     */
    default ResponderLocator or(ResponderLocator next) {
        Set<String> mine = commandNames();
        Set<String> theirs = next.commandNames();
        Set<String> both = new TreeSet<>(mine);
        both.retainAll(theirs);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("both locators answer " + String.join(", ", both)
                    + ": the second would never be asked (joining " + this + " with " + next + ")");
        }
        Set<String> names = new TreeSet<>(mine);
        names.addAll(theirs);
        Set<String> joined = Set.copyOf(names);
        ResponderLocator first = this;
        return new ResponderLocator() {
            @Override
            public Responder locate(String name) {
                Responder responder = first.locate(name);
                return responder != null ? responder : next.locate(name);
            }

            @Override
            public Set<String> commandNames() {
                return joined;
            }

            @Override
            public String toString() {
                return first + ".or(" + next + ")";
            }
        };
    }
}
