package io.ampjava.sample.manager;

import java.util.List;
import java.util.StringJoiner;

/** Quoting words for {@code /bin/sh}, so a command built from a list survives the shell unchanged. */
final class ShellWords {
    private ShellWords() {}

    /** {@code words} as one shell command line: each word single-quoted where needed. */
    static String join(List<String> words) {
        StringJoiner line = new StringJoiner(" ");
        for (String word : words) {
            line.add(quote(word));
        }
        return line.toString();
    }

    static String quote(String word) {
        if (!word.isEmpty() && word.chars().allMatch(ShellWords::isPlain)) {
            return word;
        }
        // Inside single quotes nothing is special but the quote itself: end, escape it, reopen.
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static boolean isPlain(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "_-./=:,+@%".indexOf(c) >= 0;
    }
}
