package io.ampjava.wire;

import java.nio.ByteBuffer;

/**
 * Serializes boxes exactly as Twisted's {@code AmpBox.serialize} does: keys in unsigned byte order,
 * each key and value behind a big-endian 16-bit length, then {@code 00 00}.
 *
 * <p>Every length is checked before a byte is written, so a refused box leaves the destination
 * untouched.
 */
public final class BoxEncoder {
    private BoxEncoder() {}

    /**
     * The box's bytes on the wire.
     *
     * @param box the box
     * @return its encoding
     */
    public static byte[] encode(Box box) {
        byte[][] entries = box.entries;
        int size = box.size;
        byte[] out = new byte[checkedLength(entries, size)];
        int position = 0;
        if (box.isAscending()) {
            // Already in wire order (a decoded box, or keys put in order): no sort at all.
            for (int i = 0, end = 2 * size; i < end; i++) {
                position = putField(out, position, entries[i]);
            }
        } else if (size <= PACKED_LIMIT) {
            // The usual small box: the order lives in one long, nothing is allocated but the output.
            long order = packedWireOrder(entries, size);
            for (int i = 0; i < size; i++, order >>>= 4) {
                int index = 2 * ((int) order & 0xf);
                position = putField(out, position, entries[index]);
                position = putField(out, position, entries[index + 1]);
            }
        } else {
            for (int index : wireOrder(box)) {
                position = putField(out, position, entries[2 * index]);
                position = putField(out, position, entries[2 * index + 1]);
            }
        }
        // The two terminator bytes are already zero.
        return out;
    }

    /**
     * {@link Box#compareKeys} for keys known not to be empty (checked before sorting): keys mostly
     * differ in their first byte, which settles it without a loop.
     */
    private static int compareKeys(byte[] a, byte[] b) {
        int difference = (a[0] & 0xff) - (b[0] & 0xff);
        return difference != 0 ? difference : Box.compareKeys(a, b);
    }

    /** Boxes up to this many keys are sorted in a long of 4-bit indexes. */
    private static final int PACKED_LIMIT = 15;

    /**
     * The wire order of a box of at most {@link #PACKED_LIMIT} keys as 4-bit key indexes, the
     * first key to write in the lowest bits: an insertion sort, since boxes are small.
     */
    private static long packedWireOrder(byte[][] entries, int size) {
        long order = 0;
        for (int i = 0; i < size; i++) {
            byte[] key = entries[2 * i];
            int position = i;
            while (position > 0
                    && compareKeys(entries[2 * ((int) (order >>> (4 * (position - 1))) & 0xf)], key) > 0) {
                position--;
            }
            int shift = 4 * position;
            long below = order & ((1L << shift) - 1);
            long above = (order >>> shift) << (shift + 4); // shift + 4 <= 60: at most 15 keys
            order = below | above | ((long) i << shift);
        }
        return order;
    }

    /**
     * Writes the box into {@code buffer} at its position and advances it.
     *
     * @param box the box
     * @param buffer where it goes
     * @throws java.nio.BufferOverflowException if the buffer has less room than
     *     {@link #encodedLength(Box)}; nothing is written then
     */
    public static void encode(Box box, ByteBuffer buffer) {
        int length = checkedLength(box);
        if (buffer.remaining() < length) {
            throw new java.nio.BufferOverflowException();
        }
        // Lengths are written byte by byte: putShort would follow the buffer's byte order, and the
        // wire is big-endian whatever order the caller's buffer is set to.
        for (int index : wireOrder(box)) {
            putField(buffer, box.keyAt(index));
            putField(buffer, box.valueAt(index));
        }
        buffer.put((byte) 0).put((byte) 0);
    }

    /**
     * The number of bytes {@link #encode(Box)} produces.
     *
     * @param box the box
     * @return its encoded length
     * @throws TooLongException for a key over 255 bytes or a value over 65535 bytes
     * @throws IllegalArgumentException for an empty key, which the peer would read as the end of
     *     the box
     */
    public static int encodedLength(Box box) {
        return checkedLength(box);
    }

    private static int checkedLength(Box box) {
        return checkedLength(box.entries, box.size);
    }

    private static int checkedLength(byte[][] entries, int size) {
        int length = 2;
        for (int i = 0, end = 2 * size; i < end; i += 2) {
            int keyLength = entries[i].length;
            int valueLength = entries[i + 1].length;
            // One unsigned comparison catches both an empty key (0 - 1 wraps) and one over 255 bytes.
            if (Integer.compareUnsigned(keyLength - 1, AmpKeys.MAX_KEY_LENGTH) >= 0
                    || valueLength > AmpKeys.MAX_VALUE_LENGTH) {
                refuse(entries[i], entries[i + 1]);
            }
            length += 4 + keyLength + valueLength;
        }
        return length;
    }

    private static void refuse(byte[] key, byte[] value) {
        if (key.length == 0) {
            throw new IllegalArgumentException("an AMP key cannot be empty (its value has " + value.length
                    + " bytes): the peer would read it as the end of the box");
        }
        if (key.length > AmpKeys.MAX_KEY_LENGTH) {
            throw new TooLongException(true, true, key, key.length);
        }
        throw new TooLongException(false, true, key, value.length);
    }

    private static void putField(ByteBuffer buffer, byte[] field) {
        buffer.put((byte) (field.length >>> 8)).put((byte) field.length).put(field);
    }

    private static int putField(byte[] out, int position, byte[] field) {
        int length = field.length;
        out[position] = (byte) (length >>> 8);
        out[position + 1] = (byte) length;
        position += 2;
        if (length <= 16) {
            Bytes.copyShort(field, 0, out, position, length);
        } else {
            System.arraycopy(field, 0, out, position, length);
        }
        return position + length;
    }

    /** The indexes of the box's keys in wire order (unsigned byte order). */
    static int[] wireOrder(Box box) {
        int size = box.size();
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        // Insertion sort: boxes are small, and keys are often put in order already.
        for (int i = 1; i < size; i++) {
            int current = order[i];
            byte[] key = box.keyAt(current);
            int j = i - 1;
            while (j >= 0 && Bytes.compareUnsigned(box.keyAt(order[j]), key) > 0) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = current;
        }
        return order;
    }
}
