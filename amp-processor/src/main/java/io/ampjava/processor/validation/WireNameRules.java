package io.ampjava.processor.validation;

import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** What the wire allows as a key or a command name; each check returns a message, or null when fine. */
public final class WireNameRules {
    /** The longest key, and the longest command name, in UTF-8 bytes (a key's length is one byte). */
    public static final int MAX_LENGTH = 255;

    private WireNameRules() {}

    /** Checks an argument's key. */
    public static String checkKey(String key) {
        String encoding = checkEncoding("wire name", key);
        if (encoding != null) {
            return encoding;
        }
        if (key.startsWith("_")) {
            return "wire name '" + key + "' starts with '_', which AMP reserves for its own keys"
                    + " (_ask, _command, _answer, _error...); choose another with @Argument(\"...\")";
        }
        int length = key.getBytes(StandardCharsets.UTF_8).length;
        if (length > MAX_LENGTH) {
            return "wire name '" + abbreviate(key) + "' is " + length + " bytes in UTF-8; an AMP key is at most "
                    + MAX_LENGTH;
        }
        return null;
    }

    /** Checks a command's name. */
    public static String checkCommandName(String name) {
        String encoding = checkEncoding("command name", name);
        if (encoding != null) {
            return encoding;
        }
        int length = name.getBytes(StandardCharsets.UTF_8).length;
        if (length > MAX_LENGTH) {
            return "command name '" + abbreviate(name) + "' is " + length + " bytes in UTF-8; AMP allows at most "
                    + MAX_LENGTH;
        }
        return null;
    }

    private static String checkEncoding(String what, String name) {
        try {
            StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(name));
            return null;
        } catch (CharacterCodingException e) {
            return what + " '" + abbreviate(name) + "' is not valid Unicode (a lone surrogate cannot be sent as UTF-8)";
        }
    }

    private static String abbreviate(String name) {
        return name.length() <= 40 ? name : name.substring(0, 37) + "...";
    }
}
