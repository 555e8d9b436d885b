package io.ampjava.cli.print;

import io.ampjava.wire.AmpKeys;
import io.ampjava.wire.Box;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a box is, as a reader of a capture wants to see it: its role, decided by its special keys
 * in Twisted's order ({@code _answer}, then {@code _error}, then {@code _command}), the command,
 * tag or error it carries, and its other keys in wire order.
 *
 * @param command the {@code _command} value of a request, else null
 * @param tag {@code _ask} of a request (null when no answer is wanted), {@code _answer} or {@code _error}
 * @param errorCode {@code _error_code} of an error, else null
 * @param errorDescription {@code _error_description} of an error, else null
 * @param fields the keys and values besides those, as {@code {key, value}} pairs in the order they came
 *     (Twisted and amp-java send keys sorted, in unsigned byte order)
 */
public record BoxView(Kind kind, byte[] command, byte[] tag, byte[] errorCode, byte[] errorDescription,
        List<byte[][]> fields) {

    /** A box's role. */
    public enum Kind {
        REQUEST("request"),
        ANSWER("answer"),
        ERROR("error"),
        /** Keys, but none of {@code _command}, {@code _answer}, {@code _error}: a peer drops the connection. */
        NO_ROLE("no-role"),
        /** No key at all: a peer drops the connection. */
        EMPTY("empty");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The name used in JSON output. */
        public String label() {
            return label;
        }
    }

    /** The view of {@code box}. */
    public static BoxView of(Box box) {
        if (box.isEmpty()) {
            return new BoxView(Kind.EMPTY, null, null, null, null, List.of());
        }
        byte[] answer = box.get(AmpKeys.ANSWER_KEY);
        if (answer != null) {
            return new BoxView(Kind.ANSWER, null, answer, null, null, fields(box, AmpKeys.ANSWER_KEY));
        }
        byte[] error = box.get(AmpKeys.ERROR_KEY);
        if (error != null) {
            return new BoxView(Kind.ERROR, null, error, box.get(AmpKeys.ERROR_CODE_KEY),
                    box.get(AmpKeys.ERROR_DESCRIPTION_KEY),
                    fields(box, AmpKeys.ERROR_KEY, AmpKeys.ERROR_CODE_KEY, AmpKeys.ERROR_DESCRIPTION_KEY));
        }
        byte[] command = box.get(AmpKeys.COMMAND_KEY);
        if (command != null) {
            return new BoxView(Kind.REQUEST, command, box.get(AmpKeys.ASK_KEY), null, null,
                    fields(box, AmpKeys.COMMAND_KEY, AmpKeys.ASK_KEY));
        }
        return new BoxView(Kind.NO_ROLE, null, null, null, null, fields(box));
    }

    /** The keys of {@code box} but {@code skipped}, in the box's order. */
    public static List<byte[][]> fields(Box box, byte[]... skipped) {
        List<byte[][]> fields = new ArrayList<>(box.size());
        for (int i = 0; i < box.size(); i++) {
            byte[] key = box.keyAt(i);
            if (!isAny(key, skipped)) {
                fields.add(new byte[][] {key, box.valueAt(i)});
            }
        }
        return fields;
    }

    private static boolean isAny(byte[] key, byte[][] keys) {
        for (byte[] candidate : keys) {
            if (Arrays.equals(key, candidate)) {
                return true;
            }
        }
        return false;
    }
}
