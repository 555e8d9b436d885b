package io.ampjava.cli.proxy;

import io.ampjava.cli.print.BoxView;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Notices when a proxied connection stops speaking AMP: a request for a protocol-switching command
 * ({@code StartTLS}, or one named with {@code --switch}) that is answered with success. Everything
 * after that answer, both ways, belongs to the new protocol. An error answer leaves AMP in place.
 *
 * <p>The asking side sends nothing between its request and the answer (Twisted and amp-java both
 * hold their boxes back), so its next bytes are the new protocol's too.
 */
final class SwitchWatch {
    private final Set<String> commands;
    /** The tags of switch requests waiting for an answer, by the direction they were asked in. */
    private final Map<Direction, Map<String, String>> asked = new EnumMap<>(Direction.class);

    SwitchWatch(Set<String> commands) {
        this.commands = commands;
    }

    /**
     * Looks at a box going {@code direction}; returns the command whose successful answer this box
     * is (so the connection switches right after it), or null.
     */
    String onBox(Direction direction, BoxView box) {
        switch (box.kind()) {
            case REQUEST:
                String command = new String(box.command(), StandardCharsets.UTF_8);
                if (box.tag() != null && commands.contains(command)) {
                    asked.computeIfAbsent(direction, d -> new HashMap<>()).put(tag(box), command);
                }
                return null;
            case ANSWER:
            case ERROR:
                Map<String, String> waiting = asked.get(direction.opposite());
                String switching = waiting == null ? null : waiting.remove(tag(box));
                return box.kind() == BoxView.Kind.ANSWER ? switching : null;
            default:
                return null;
        }
    }

    private static String tag(BoxView box) {
        return new String(box.tag(), StandardCharsets.ISO_8859_1); // any bytes, one char each
    }
}
