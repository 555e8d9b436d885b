package io.ampjava.cli.imports;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Java names for what Python names: a class for a command or an exception, a method for a key. Names
 * are allocated within one scope, so that two never clash.
 */
final class JavaNames {
    /** The methods every interface has from Object, which no argument method may be named. */
    private static final Set<String> OBJECT_METHODS =
            Set.of("clone", "equals", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait");

    private final Set<String> taken = new HashSet<>();

    /** A scope whose names must also differ from {@code reserved}. */
    JavaNames(Set<String> reserved) {
        taken.addAll(reserved);
    }

    /**
     * The method of an argument: the key itself when it is a Java name ({@code testName}), in lower camel
     * case otherwise ({@code dash-arg} to {@code dashArg}), with {@code Value} after a keyword or an
     * Object method ({@code boolean} to {@code booleanValue}).
     */
    String method(String key) {
        String name = camel(key, false);
        if (SourceVersion.isKeyword(name) || OBJECT_METHODS.contains(name)) {
            name = name + "Value";
        }
        return unique(name);
    }

    /** A type: the name given, made a Java identifier ({@code items} to {@code Items} when capitalized). */
    String type(String name, boolean capitalize) {
        String type = camel(name, capitalize);
        if (SourceVersion.isKeyword(type)) {
            type = type + "_";
        }
        return unique(type);
    }

    /** Takes {@code name} if free, else {@code name2}, {@code name3}... */
    String unique(String name) {
        String candidate = name;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = name + n;
        }
        return candidate;
    }

    /** Whether {@code name} is taken in this scope. */
    boolean isTaken(String name) {
        return taken.contains(name);
    }

    /** Words of {@code text} (split where it is no Java identifier) joined in camel case. */
    static String camel(String text, boolean capitalize) {
        if (SourceVersion.isIdentifier(text) && text.indexOf('$') < 0) {
            return capitalize ? upperFirst(text) : text;
        }
        StringBuilder name = new StringBuilder();
        boolean upper = capitalize;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '$' || !Character.isJavaIdentifierPart(c) || Character.isIdentifierIgnorable(c)) {
                upper = name.length() > 0 || capitalize;
                continue;
            }
            if (name.length() == 0 && !Character.isJavaIdentifierStart(c)) {
                name.append(capitalize ? "Value" : "value");
                upper = false;
            }
            name.appendCodePoint(upper ? Character.toUpperCase(c) : c);
            upper = false;
        }
        return name.length() == 0 ? (capitalize ? "Value" : "value") : name.toString();
    }

    private static String upperFirst(String text) {
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
