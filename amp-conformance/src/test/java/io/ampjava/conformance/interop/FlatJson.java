package io.ampjava.conformance.interop;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the one-line JSON objects the Python tools print. Only what they print is supported: an
 * object whose values are strings, numbers, booleans, null or (skipped) nested objects and arrays.
 * A tiny reader instead of a JSON library keeps the test class path to JUnit.
 */
final class FlatJson {
    private final String text;
    private int position;

    private FlatJson(String text) {
        this.text = text;
    }

    /** The top-level members of the object on {@code line}; nested objects and arrays map to their raw text. */
    static Map<String, Object> parse(String line) {
        FlatJson reader = new FlatJson(line.strip());
        Map<String, Object> members = reader.object();
        reader.skipSpace();
        if (reader.position != reader.text.length()) {
            throw reader.error("trailing text");
        }
        return members;
    }

    private Map<String, Object> object() {
        expect('{');
        Map<String, Object> members = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            position++;
            return members;
        }
        while (true) {
            skipSpace();
            String name = string();
            skipSpace();
            expect(':');
            skipSpace();
            members.put(name, value());
            skipSpace();
            char next = text.charAt(position++);
            if (next == '}') {
                return members;
            }
            if (next != ',') {
                throw error("expected , or }");
            }
        }
    }

    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '{' || c == '[') {
            int start = position;
            skipNested();
            return text.substring(start, position);
        }
        if (text.startsWith("true", position)) {
            position += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("false", position)) {
            position += 5;
            return Boolean.FALSE;
        }
        if (text.startsWith("null", position)) {
            position += 4;
            return null;
        }
        int start = position;
        while (position < text.length() && "+-.eE0123456789".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
        if (start == position) {
            throw error("unexpected character");
        }
        return Double.parseDouble(text.substring(start, position));
    }

    private void skipNested() {
        int depth = 0;
        do {
            char c = text.charAt(position);
            if (c == '"') {
                string();
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
            position++;
        } while (depth > 0);
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = text.charAt(position++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = text.charAt(position++);
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                    position += 4;
                }
                default -> out.append(escaped); // \" \\ \/
            }
        }
    }

    private void expect(char c) {
        if (position >= text.length() || text.charAt(position) != c) {
            throw error("expected " + c);
        }
        position++;
    }

    private char peek() {
        if (position >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(position);
    }

    private void skipSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at " + position + " in " + text);
    }
}
