package io.ampjava.processor.python;

import java.util.List;

/**
 * A Python expression of the generated module, laid out as Black lays it out: on one line when it
 * fits in {@link #WIDTH} columns, otherwise one element a line, each followed by a comma.
 */
sealed interface PythonExpression {
    /** Black's line length. */
    int WIDTH = 88;

    /** Text that is never split: a name, a literal. */
    static PythonExpression atom(String text) {
        return new Atom(text);
    }

    /** {@code [a, b]}. */
    static PythonExpression list(List<PythonExpression> elements) {
        return new Bracketed("[", "]", elements);
    }

    /** {@code (a, b)}, of two or more elements. */
    static PythonExpression tuple(List<PythonExpression> elements) {
        return new Bracketed("(", ")", elements);
    }

    /** {@code function(a, b)}. */
    static PythonExpression call(String function, List<PythonExpression> arguments) {
        return new Bracketed(function + "(", ")", arguments);
    }

    /** The expression on one line. */
    String flat();

    /**
     * The expression starting at {@code column} on a line whose continuation is indented by
     * {@code indent}, with {@code after} characters to follow it on its last line.
     */
    String layout(int column, int indent, int after);

    /** A name or a literal. */
    record Atom(String text) implements PythonExpression {
        @Override
        public String flat() {
            return text;
        }

        @Override
        public String layout(int column, int indent, int after) {
            return text;
        }
    }

    /** Elements between brackets. */
    record Bracketed(String open, String close, List<PythonExpression> elements) implements PythonExpression {
        public Bracketed {
            elements = List.copyOf(elements);
        }

        @Override
        public String flat() {
            StringBuilder text = new StringBuilder(open);
            for (int i = 0; i < elements.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(elements.get(i).flat());
            }
            return text.append(close).toString();
        }

        @Override
        public String layout(int column, int indent, int after) {
            String flat = flat();
            if (elements.isEmpty() || column + flat.length() + after <= WIDTH) {
                return flat;
            }
            String inner = " ".repeat(indent + 4);
            StringBuilder text = new StringBuilder(open).append('\n');
            for (PythonExpression element : elements) {
                text.append(inner).append(element.layout(inner.length(), inner.length(), 1)).append(",\n");
            }
            return text.append(" ".repeat(indent)).append(close).toString();
        }
    }
}
