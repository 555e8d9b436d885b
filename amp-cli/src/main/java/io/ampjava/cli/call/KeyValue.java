package io.ampjava.cli.call;

import io.ampjava.cli.CliException;
import io.ampjava.wire.AmpKeys;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * One {@code key=value} argument of {@code amp call}, split but not yet read.
 *
 * <p>The value is text, unless it starts with {@code @} (the bytes of a file; {@code @-} is
 * standard input) or {@code fd:} (a file opened for reading and passed as a descriptor) or
 * {@code fdw:} (created or truncated, and passed for writing). A backslash in front keeps a value
 * that starts like that as text: {@code key=\@home} is {@code @home}.
 *
 * @param key the key as written
 * @param source what the value is: {@link Source#TEXT}, {@link Source#FILE} or a descriptor
 * @param text the text, or the file's path
 */
public record KeyValue(String key, Source source, String text) {
    /** Where a value comes from. */
    public enum Source {
        TEXT, FILE, DESCRIPTOR_READ, DESCRIPTOR_WRITE
    }

    /** The keys that give a box its role: a call sets them itself. */
    private static final Set<String> ROLE_KEYS = Set.of(AmpKeys.ASK, AmpKeys.ANSWER, AmpKeys.COMMAND, AmpKeys.ERROR,
            AmpKeys.ERROR_CODE, AmpKeys.ERROR_DESCRIPTION);

    /** Splits {@code argument} at its first {@code =}. */
    public static KeyValue parse(String argument) throws CliException {
        int equals = argument.indexOf('=');
        if (equals < 0) {
            throw CliException.usage("'" + argument + "' is not key=value: write the argument's name, '=' and its value"
                    + " (key=text, key=@FILE, key=fd:PATH)");
        }
        String key = argument.substring(0, equals);
        String value = argument.substring(equals + 1);
        if (key.isEmpty()) {
            throw CliException.usage("'" + argument + "' has no key before '='");
        }
        int keyBytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (keyBytes > AmpKeys.MAX_KEY_LENGTH) {
            throw CliException.usage("the key '" + key.substring(0, 20) + "...' is " + keyBytes
                    + " bytes long: AMP keys are at most 255 bytes");
        }
        if (ROLE_KEYS.contains(key)) {
            throw CliException.usage("the key " + key + " is AMP's own: the call sets _command and _ask itself");
        }
        if (value.startsWith("\\")) {
            return new KeyValue(key, Source.TEXT, value.substring(1));
        }
        if (value.startsWith("@")) {
            return new KeyValue(key, Source.FILE, nonEmptyPath(key, value.substring(1), "@FILE"));
        }
        if (value.startsWith("fd:")) {
            return new KeyValue(key, Source.DESCRIPTOR_READ, nonEmptyPath(key, value.substring(3), "fd:PATH"));
        }
        if (value.startsWith("fdw:")) {
            return new KeyValue(key, Source.DESCRIPTOR_WRITE, nonEmptyPath(key, value.substring(4), "fdw:PATH"));
        }
        return new KeyValue(key, Source.TEXT, value);
    }

    private static String nonEmptyPath(String key, String path, String form) throws CliException {
        if (path.isEmpty()) {
            throw CliException.usage(key + "=" + form.substring(0, form.length() - 4)
                    + " has no path: write " + key + "=" + form + " (or " + key + "=\\" + form.charAt(0)
                    + "... for text)");
        }
        return path;
    }

    /** Whether the value is a file descriptor to pass. */
    public boolean isDescriptor() {
        return source == Source.DESCRIPTOR_READ || source == Source.DESCRIPTOR_WRITE;
    }
}
