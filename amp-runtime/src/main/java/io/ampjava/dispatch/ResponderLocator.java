package io.ampjava.dispatch;

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
     * This locator, then {@code next} for the names this one does not know.
     *
     * @param next asked when this one does not know a name
     * @return the combined locator
     */
    default ResponderLocator or(ResponderLocator next) {
        return name -> {
            Responder responder = locate(name);
            return responder != null ? responder : next.locate(name);
        };
    }
}
