package io.ampjava.wire;

import io.ampjava.internal.text.Utf8;
import java.nio.charset.CharacterCodingException;

/**
 * A key or value longer than the wire allows (Twisted's {@code TooLong}).
 *
 * <p>Local ({@link #isLocal()}): thrown before anything is written when encoding a key over 255
 * bytes or a value over 65535 bytes. Remote: the peer announced a key longer than 255 bytes; the
 * connection is closed and every outstanding call fails with this exception.
 */
public final class TooLongException extends RuntimeException {
    /** Whether the key (rather than a value) was too long. */
    private final boolean isKey;
    /** Whether this side tried to send it. */
    private final boolean isLocal;
    /** The key concerned, or null. */
    private final byte[] keyName;
    /** The offending length in bytes. */
    private final int length;

    /**
     * A key or value too long.
     *
     * @param isKey whether the key (rather than a value) was too long
     * @param isLocal whether this side tried to send it (rather than the peer)
     * @param keyName the key concerned (the long key itself, or the key of the long value); null when unknown
     * @param length the offending length in bytes
     */
    public TooLongException(boolean isKey, boolean isLocal, byte[] keyName, int length) {
        super(message(isKey, isLocal, keyName, length));
        this.isKey = isKey;
        this.isLocal = isLocal;
        this.keyName = keyName;
        this.length = length;
    }

    private static String message(boolean isKey, boolean isLocal, byte[] keyName, int length) {
        String limit = isKey ? AmpKeys.MAX_KEY_LENGTH + " bytes per key" : AmpKeys.MAX_VALUE_LENGTH + " bytes per value";
        String what = isKey
                ? "key " + (keyName == null ? "" : quote(keyName) + " ") + "is " + length + " bytes"
                : "value of key " + (keyName == null ? "?" : quote(keyName)) + " is " + length + " bytes";
        return (isLocal ? "the " : "the peer sent a ") + what + ", over AMP's limit of " + limit
                + (isLocal ? " (nothing was sent)" : "");
    }

    /** The key as a Java user reads it ({@code 'name'}); bytes that are not UTF-8 as escapes. */
    private static String quote(byte[] key) {
        try {
            String text = Utf8.decodeStrict(key);
            return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
        } catch (CharacterCodingException notText) {
            return Bytes.repr(key, 40);
        }
    }

    /** {@return whether the key (rather than a value) was too long} */
    public boolean isKey() {
        return isKey;
    }

    /** {@return whether this side tried to send it (rather than the peer)} */
    public boolean isLocal() {
        return isLocal;
    }

    /** {@return the key concerned (the long key itself, or the key of the long value); null when unknown} */
    public byte[] keyName() {
        return keyName == null ? null : keyName.clone();
    }

    /** {@return the offending length in bytes} */
    public int length() {
        return length;
    }
}
