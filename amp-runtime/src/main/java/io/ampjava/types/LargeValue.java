package io.ampjava.types;

import io.ampjava.wire.AmpKeys;
import io.ampjava.wire.Box;
import io.ampjava.wire.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A value longer than AMP's 65,535 bytes, split across keys of one box: what
 * {@code @Argument(large = true)} sends a {@code byte[]} or a {@code String} (as UTF-8) as, and what
 * the generated Python module's {@code LargeString} and {@code LargeUnicode} arguments read and write.
 *
 * <p>The value of key {@code k}, {@code n} bytes long, travels as:
 * <pre>
 * k      n, in decimal (no sign, no leading zero)
 * k.0    bytes 0 to 65,534
 * k.1    bytes 65,535 to 131,069
 * ...
 * k.N    the rest (1 to 65,535 bytes), where N + 1 = ceil(n / 65,535)
 * </pre>
 * Every chunk but the last holds exactly 65,535 bytes, and an empty value has no chunk at all. Each
 * key and each value is within the wire's limits, so Twisted (any version) carries the box as it
 * carries any other; the keys sort together, since they share the prefix.
 *
 * <p>A receiver takes the value only in exactly that form: the length no longer than its limit
 * ({@link ArgumentContext#maxLargeValueBytes()}), every chunk there with its size, and no other key
 * under {@code k.}. Anything else is a {@link LargeValueException} naming what is wrong, thrown
 * before the value is put together, so a claim costs no memory beyond the box that made it.
 *
 * <p>Each byte is copied once into a chunk when sending, and once out of the chunks when receiving.
 */
public final class LargeValue {
    /** The bytes of every chunk but the last: the longest value AMP carries. */
    public static final int CHUNK_BYTES = AmpKeys.MAX_VALUE_LENGTH;
    /**
     * The longest key of a large value, in bytes: its chunk keys are up to 6 bytes longer
     * ({@code .32768}, the last chunk of a value of {@link Integer#MAX_VALUE} bytes) and must stay
     * within AMP's 255.
     */
    public static final int MAX_KEY_BYTES = AmpKeys.MAX_KEY_LENGTH - 6;

    private static final byte SEPARATOR = '.';

    private LargeValue() {}

    /**
     * Puts {@code value} under {@code key} and its chunk keys.
     *
     * @param box the box to put it in
     * @param key the value's key, at most {@link #MAX_KEY_BYTES} long
     * @param value the bytes; the chunks are copies, so the array may change once this returns
     * @param context whose {@link ArgumentContext#maxLargeValueBytes() limit} the value must keep to:
     *     what this side would refuse to receive it does not send
     * @throws LargeValueException if the value is longer than that limit (nothing is put)
     * @throws IllegalArgumentException if the key is longer than {@link #MAX_KEY_BYTES}
     */
    public static void put(Box box, byte[] key, byte[] value, ArgumentContext context) {
        checkKey(key);
        int limit = context.maxLargeValueBytes();
        if (value.length > limit) {
            throw new LargeValueException(key, "is " + value.length + " bytes, over this connection's limit of " + limit
                    + " (ConnectionOptions.maxLargeValueBytes); nothing was sent");
        }
        box.put(key, IntArgument.encode(value.length));
        byte[] prefix = prefix(key);
        for (int index = 0, offset = 0; offset < value.length; index++, offset += CHUNK_BYTES) {
            box.put(chunkKey(prefix, index), Arrays.copyOfRange(value, offset, Math.min(value.length, offset + CHUNK_BYTES)));
        }
    }

    /**
     * The value under {@code key} and its chunk keys, or null if {@code key} is absent.
     *
     * @param box the box received
     * @param key the value's key
     * @param context whose {@link ArgumentContext#maxLargeValueBytes() limit} bounds the value
     * @return the value put together, a new array; or null
     * @throws LargeValueException if the value is longer than that limit, or not in the form above
     */
    public static byte[] get(Box box, byte[] key, ArgumentContext context) {
        byte[] header = box.get(key);
        if (header == null) {
            return null;
        }
        long claimed = length(header);
        if (claimed < 0) {
            throw new LargeValueException(key, "has the length " + Bytes.repr(header, 32)
                    + ", which is not a decimal number of bytes");
        }
        int limit = context.maxLargeValueBytes();
        if (claimed > limit) {
            throw new LargeValueException(key, "claims " + claimed + " bytes, over this connection's limit of " + limit
                    + " (ConnectionOptions.maxLargeValueBytes)");
        }
        int length = (int) claimed;
        int count = chunkCount(length);
        byte[][] chunks = new byte[count][];
        byte[] prefix = prefix(key);
        int found = 0;
        for (int i = 0, size = box.size(); i < size; i++) {
            byte[] candidate = box.keyAt(i);
            if (!startsWith(candidate, prefix)) {
                continue;
            }
            int index = index(candidate, prefix.length);
            if (index < 0 || index >= count) {
                throw new LargeValueException(key, "has the key " + Bytes.repr(candidate, 32) + ", which is not one of its "
                        + count + " chunk keys (" + range(key, count) + "): chunk keys of another value mixed in");
            }
            byte[] chunk = box.valueAt(i);
            int expected = chunkSize(length, index);
            if (chunk.length != expected) {
                throw new LargeValueException(key, "has " + chunk.length + " bytes in chunk " + index + " of " + count
                        + " where " + expected + " belong: chunks out of order, or cut");
            }
            chunks[index] = chunk;
            found++;
        }
        if (found != count) {
            int missing = 0;
            while (chunks[missing] != null) {
                missing++;
            }
            throw new LargeValueException(key, "claims " + length + " bytes in " + count + " chunks, but chunk " + missing
                    + " (" + Bytes.repr(chunkKey(prefix, missing)) + ") is missing");
        }
        byte[] value = new byte[length];
        for (int index = 0; index < count; index++) {
            System.arraycopy(chunks[index], 0, value, index * CHUNK_BYTES, chunks[index].length);
        }
        return value;
    }

    /**
     * {@return how many chunk keys a value of {@code length} bytes has}
     *
     * @param length the value's length in bytes
     */
    public static int chunkCount(int length) {
        return (int) ((length + (long) CHUNK_BYTES - 1) / CHUNK_BYTES);
    }

    private static int chunkSize(int length, int index) {
        return Math.min(CHUNK_BYTES, length - index * CHUNK_BYTES);
    }

    private static void checkKey(byte[] key) {
        if (key.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("the key of a large value is at most " + MAX_KEY_BYTES + " bytes, not "
                    + key.length + ": its chunk keys must stay within AMP's " + AmpKeys.MAX_KEY_LENGTH);
        }
    }

    /** The decimal length in {@code header}, strictly written; -1 if it is not one. */
    private static long length(byte[] header) {
        if (header.length == 0 || header.length > 10 || (header[0] == '0' && header.length > 1)) {
            return -1;
        }
        long value = 0;
        for (byte digit : header) {
            if (digit < '0' || digit > '9') {
                return -1;
            }
            value = value * 10 + (digit - '0');
        }
        return value;
    }

    /** The chunk index written after {@code start} in {@code key} (decimal, no leading zero); -1 if none. */
    private static int index(byte[] key, int start) {
        int digits = key.length - start;
        if (digits < 1 || digits > 5 || (key[start] == '0' && digits > 1)) {
            return -1;
        }
        int value = 0;
        for (int i = start; i < key.length; i++) {
            if (key[i] < '0' || key[i] > '9') {
                return -1;
            }
            value = value * 10 + (key[i] - '0');
        }
        return value;
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        if (key.length <= prefix.length) {
            return false;
        }
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (key[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] prefix(byte[] key) {
        byte[] prefix = Arrays.copyOf(key, key.length + 1);
        prefix[key.length] = SEPARATOR;
        return prefix;
    }

    private static byte[] chunkKey(byte[] prefix, int index) {
        int digits = index < 10 ? 1 : index < 100 ? 2 : index < 1_000 ? 3 : index < 10_000 ? 4 : 5;
        byte[] key = Arrays.copyOf(prefix, prefix.length + digits);
        for (int i = key.length - 1; i >= prefix.length; i--) {
            key[i] = (byte) ('0' + index % 10);
            index /= 10;
        }
        return key;
    }

    private static String range(byte[] key, int count) {
        String name = new String(key, StandardCharsets.UTF_8);
        return count == 0 ? "none: the value is empty" : count == 1 ? name + ".0" : name + ".0 to " + name + "." + (count - 1);
    }
}
