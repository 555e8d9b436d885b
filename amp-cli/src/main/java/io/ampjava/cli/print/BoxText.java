package io.ampjava.cli.print;

/** Boxes as lines for people: a headline, then one indented {@code key: value} line per field. */
public final class BoxText {
    private BoxText() {}

    /** The box's role and what identifies it: {@code Sum ask=1}, {@code answer 1}, {@code error 2 CODE: text}. */
    public static void appendHeadline(LineBuffer line, BoxView view, int limit) {
        switch (view.kind()) {
            case REQUEST:
                line.appendEscaped(view.command(), limit);
                if (view.tag() == null) {
                    line.append(" (no answer wanted)");
                } else {
                    line.append(" ask=").appendEscaped(view.tag(), limit);
                }
                break;
            case ANSWER:
                line.append("answer ").appendEscaped(view.tag(), limit);
                break;
            case ERROR:
                line.append("error ").appendEscaped(view.tag(), limit).append(' ');
                optional(line, view.errorCode(), limit).append(": ");
                optional(line, view.errorDescription(), limit);
                break;
            case NO_ROLE:
                line.append("a box without _command, _answer or _error (a peer drops the connection)");
                break;
            default:
                line.append("an empty box (a peer drops the connection)");
        }
    }

    private static LineBuffer optional(LineBuffer line, byte[] value, int limit) {
        return value == null ? line.append("(none)") : line.appendEscaped(value, limit);
    }

    /** One {@code indent key: value} line per field of {@code view}. */
    public static void appendFields(LineBuffer line, String indent, BoxView view, int limit) {
        for (byte[][] field : view.fields()) {
            line.append(indent).appendEscaped(field[0], limit).append(": ").appendEscaped(field[1], limit).append('\n');
        }
    }
}
