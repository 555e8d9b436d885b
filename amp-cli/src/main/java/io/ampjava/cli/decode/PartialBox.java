package io.ampjava.cli.decode;

import io.ampjava.cli.print.ValueText;

/**
 * Says where a stream that ends in the middle of a box stops: inside which length, key or value,
 * and how much of it is there. {@code BoxDecoder} knows only that it is not between boxes; this
 * walks the bytes of the unfinished box again to say more.
 */
final class PartialBox {
    private PartialBox() {}

    /** Where {@code bytes}, the start of a box that never ends, stop. */
    static String describe(byte[] bytes) {
        int i = 0;
        int keys = 0;
        while (true) {
            if (bytes.length - i < 2) {
                return bytes.length == i
                        ? "after " + keys(keys) + ", before the next key or the end of the box (00 00)"
                        : "inside the length of the next key, after " + keys(keys);
            }
            int keyLength = ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
            i += 2;
            if (bytes.length - i < keyLength) {
                return "inside a key of " + keyLength + " bytes (" + (bytes.length - i) + " there), after "
                        + keys(keys);
            }
            byte[] key = java.util.Arrays.copyOfRange(bytes, i, i + keyLength);
            i += keyLength;
            String name = "'" + ValueText.escape(key, 60) + "'";
            if (bytes.length - i < 2) {
                return "inside the length of the value of key " + name;
            }
            int valueLength = ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
            i += 2;
            if (bytes.length - i < valueLength) {
                return "inside the value of key " + name + ": " + (bytes.length - i) + " of its " + valueLength
                        + " bytes are there";
            }
            i += valueLength;
            keys++;
        }
    }

    private static String keys(int count) {
        return count == 1 ? "1 complete key" : count + " complete keys";
    }
}
