package io.ampjava.sample.manager;

import java.util.List;

/**
 * Turns a reported failure (class, text, flattened frames) into the text a person reads. Frames
 * from Python files are shown as a Python traceback, others as a Java stack trace.
 */
final class Tracebacks {
    private Tracebacks() {}

    /** The first line of the failure: {@code errorClass: first line of text}. */
    static String headline(String errorClass, String text) {
        int newline = text.indexOf('\n');
        String first = newline < 0 ? text : text.substring(0, newline) + " ...";
        if (first.length() > 200) {
            first = first.substring(0, 200) + " ...";
        }
        return errorClass + ": " + first;
    }

    /**
     * The whole failure. {@code frames} is trial's flattened (function, file, line) list, outermost
     * first; a malformed tail (not a whole triple) is shown as it is.
     */
    static String format(String errorClass, String text, List<String> frames) {
        StringBuilder out = new StringBuilder();
        int triples = frames.size() / 3;
        boolean python = false;
        for (int i = 0; i < triples; i++) {
            python |= frames.get(3 * i + 1).endsWith(".py");
        }
        if (python) {
            out.append("Traceback (most recent call last):\n");
            for (int i = 0; i < triples; i++) {
                out.append("  File \"").append(frames.get(3 * i + 1)).append("\", line ").append(frames.get(3 * i + 2))
                        .append(", in ").append(frames.get(3 * i)).append('\n');
            }
            out.append(errorClass).append(": ").append(text).append('\n');
        } else {
            out.append(errorClass).append(": ").append(text).append('\n');
            for (int i = triples - 1; i >= 0; i--) {
                out.append("    at ").append(frames.get(3 * i)).append('(').append(frames.get(3 * i + 1)).append(':')
                        .append(frames.get(3 * i + 2)).append(")\n");
            }
        }
        for (int i = 3 * triples; i < frames.size(); i++) {
            out.append("    ").append(frames.get(i)).append('\n');
        }
        return out.toString();
    }
}
