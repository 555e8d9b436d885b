package io.ampjava.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One AMP box: keys and values, both raw bytes.
 *
 * <p>Keys keep the order in which they were first put; putting a key again replaces its value (as
 * Twisted's dict-backed box does for duplicate keys on the wire). {@link BoxEncoder} writes keys in
 * unsigned byte order, as Twisted does, so the wire bytes do not depend on this order.
 *
 * <p>A box is mutable and not thread-safe. The byte arrays are stored as given, not copied: callers
 * hand over ownership of the arrays they put and must not change the arrays they get.
 */
public final class Box {
    private static final byte[][] EMPTY = new byte[0][];
    /**
     * Up to this many keys a linear scan is fastest; beyond it lookups use a binary search (keys in
     * ascending order) or a hash index.
     */
    private static final int LINEAR_LIMIT = 16;
    /** {@link #keyIndex} of a box whose keys are in ascending order; never written to. */
    private static final int[] ASCENDING = new int[0];

    // Keys and values side by side, key i at 2i and its value at 2i + 1: one array, so a decoded box
    // costs two allocations (this object and the array) besides its values.
    byte[][] entries;
    int size;
    // ASCENDING while the keys, in insertion order, are strictly ascending in unsigned byte order,
    // which is the wire order: the encoder then writes them as they are, put() knows that a key above
    // the last one is new without searching, and large boxes are searched by bisection. Decoded boxes
    // from Twisted (which sorts) and code that puts keys in name order keep it; one out-of-order put
    // ends it for good. Otherwise an open-addressing index of key positions (position + 1; 0 = empty
    // slot), only for boxes larger than LINEAR_LIMIT: a peer may send thousands of keys, and scanning
    // for each one would make decoding such a box quadratic; null when not built yet or invalidated
    // by remove(). One field for both keeps a box at 24 bytes.
    private int[] keyIndex = ASCENDING;

    /** An empty box. */
    public Box() {
        this(8);
    }

    /**
     * An empty box with room for {@code capacity} keys before it grows.
     *
     * @param capacity the number of keys to make room for
     */
    public Box(int capacity) {
        entries = capacity == 0 ? EMPTY : new byte[2 * capacity][];
    }

    /**
     * Puts {@code value} under {@code key}, replacing any earlier value. Returns this box.
     *
     * @param key the key
     * @param value the value
     * @return this box
     */
    public Box put(byte[] key, byte[] value) {
        if (key == null || value == null) {
            throw new NullPointerException(key == null ? "key" : "value of key " + Bytes.repr(key));
        }
        int size = this.size;
        if (keyIndex != ASCENDING || size > 0 && compareKeys(entries[2 * size - 2], key) >= 0) {
            int position = indexOf(key);
            if (position >= 0) {
                entries[2 * position + 1] = value;
                return this;
            }
            if (keyIndex == ASCENDING) {
                keyIndex = null; // out of order from now on
            }
        }
        append(key, value);
        return this;
    }

    /** Whether the keys, in insertion order, are in wire order (strictly ascending unsigned bytes). */
    boolean isAscending() {
        return keyIndex == ASCENDING;
    }

    /**
     * Adds a key known to be absent and above every key of this box, if the box is in wire order
     * (the decoder knows this of a key it has seen at the same place in an earlier box).
     */
    void appendAscending(byte[] key, byte[] value) {
        append(key, value);
    }

    /** Adds a key known to be absent. */
    private void append(byte[] key, byte[] value) {
        int size = this.size;
        if (2 * size == entries.length) {
            entries = Arrays.copyOf(entries, 2 * Math.max(4, size * 2));
        }
        entries[2 * size] = key;
        entries[2 * size + 1] = value;
        this.size = ++size;
        if (keyIndex != null && keyIndex != ASCENDING) {
            if (size * 2 > keyIndex.length) {
                keyIndex = null; // rebuilt larger on the next lookup
            } else {
                insertIndex(keyIndex, key, size - 1);
            }
        }
    }

    /** Unsigned byte order, as {@link Bytes#compareUnsigned}; a plain loop is fastest on short keys. */
    static int compareKeys(byte[] a, byte[] b) {
        int common = Math.min(a.length, b.length);
        for (int i = 0; i < common; i++) {
            int difference = (a[i] & 0xff) - (b[i] & 0xff);
            if (difference != 0) {
                return difference;
            }
        }
        return a.length - b.length;
    }

    /**
     * Puts {@code value} under the UTF-8 encoding of {@code key}.
     *
     * @param key the key
     * @param value the value
     * @return this box
     */
    public Box put(String key, byte[] value) {
        return put(key.getBytes(StandardCharsets.UTF_8), value);
    }

    /**
     * Puts the UTF-8 encoding of {@code value} under the UTF-8 encoding of {@code key}.
     *
     * @param key the key
     * @param value the value
     * @return this box
     */
    public Box put(String key, String value) {
        return put(key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The value under {@code key}, or null.
     *
     * @param key the key
     * @return the value, or null
     */
    public byte[] get(byte[] key) {
        int index = indexOf(key);
        return index < 0 ? null : entries[2 * index + 1];
    }

    /**
     * The value under the UTF-8 encoding of {@code key}, or null.
     *
     * @param key the key
     * @return the value, or null
     */
    public byte[] get(String key) {
        return get(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The value under {@code key} decoded as UTF-8 (malformed bytes replaced), or null.
     *
     * @param key the key
     * @return the value as text, or null
     */
    public String getString(String key) {
        byte[] value = get(key);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /**
     * Whether the box has {@code key}.
     *
     * @param key the key
     * @return whether it is present
     */
    public boolean containsKey(byte[] key) {
        return indexOf(key) >= 0;
    }

    /**
     * Whether the box has the UTF-8 encoding of {@code key}.
     *
     * @param key the key
     * @return whether it is present
     */
    public boolean containsKey(String key) {
        return containsKey(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Removes {@code key}; returns its value, or null if it was absent.
     *
     * @param key the key
     * @return the value it had, or null
     */
    public byte[] remove(byte[] key) {
        int index = indexOf(key);
        if (index < 0) {
            return null;
        }
        byte[] value = entries[2 * index + 1];
        int tail = size - index - 1;
        System.arraycopy(entries, 2 * index + 2, entries, 2 * index, 2 * tail);
        size--;
        entries[2 * size] = null;
        entries[2 * size + 1] = null;
        if (keyIndex != ASCENDING) { // removing a key keeps the others in order
            keyIndex = null; // positions moved; rebuilt on the next lookup if still needed
        }
        return value;
    }

    /**
     * Removes the UTF-8 encoding of {@code key}.
     *
     * @param key the key
     * @return the value it had, or null
     */
    public byte[] remove(String key) {
        return remove(key.getBytes(StandardCharsets.UTF_8));
    }

    /** {@return the number of keys} */
    public int size() {
        return size;
    }

    /** {@return whether the box has no keys} */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * The key at {@code index}, in insertion order ({@code 0 <= index < size()}).
     *
     * @param index the position
     * @return the key
     */
    public byte[] keyAt(int index) {
        checkIndex(index);
        return entries[2 * index];
    }

    /**
     * The value at {@code index}, in insertion order ({@code 0 <= index < size()}).
     *
     * @param index the position
     * @return the value
     */
    public byte[] valueAt(int index) {
        checkIndex(index);
        return entries[2 * index + 1];
    }

    /**
     * A shallow copy: a new box with the same keys and the same value arrays.
     *
     * @return the copy
     */
    public Box copy() {
        Box copy = new Box(size);
        System.arraycopy(entries, 0, copy.entries, 0, 2 * size);
        copy.size = size;
        copy.keyIndex = keyIndex == ASCENDING ? ASCENDING : null;
        return copy;
    }

    private int indexOf(byte[] key) {
        byte[][] entries = this.entries;
        if (size <= LINEAR_LIMIT) {
            for (int i = 0; i < size; i++) {
                if (sameKey(entries[2 * i], key)) {
                    return i;
                }
            }
            return -1;
        }
        int[] table = keyIndex;
        if (table == ASCENDING) {
            return bisect(entries, size, key);
        }
        if (table == null) {
            table = buildIndex();
        }
        int mask = table.length - 1;
        for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
            int entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            if (Arrays.equals(entries[2 * (entry - 1)], key)) {
                return entry - 1;
            }
        }
    }

    /** The position of {@code key} among the first {@code size} keys, which are in ascending order, or -1. */
    private static int bisect(byte[][] entries, int size, byte[] key) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int comparison = compareKeys(entries[2 * middle], key);
            if (comparison < 0) {
                low = middle + 1;
            } else if (comparison > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    /**
     * Arrays.equals for keys: the same array first (decoded keys are shared, see BoxDecoder), then
     * the length, then a plain loop, which beats the vectorized mismatch on a few bytes.
     */
    private static boolean sameKey(byte[] a, byte[] b) {
        if (a == b) {
            return true;
        }
        int length = a.length;
        if (length != b.length) {
            return false;
        }
        if (length > 16) {
            return Arrays.equals(a, b);
        }
        for (int i = 0; i < length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    private int[] buildIndex() {
        // At most half full, so probes stay short and an empty slot always ends a search.
        int[] table = new int[Integer.highestOneBit(size * 4 - 1)];
        for (int i = 0; i < size; i++) {
            insertIndex(table, entries[2 * i], i);
        }
        keyIndex = table;
        return table;
    }

    private static void insertIndex(int[] table, byte[] key, int position) {
        int mask = table.length - 1;
        int slot = hash(key) & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = position + 1;
    }

    private static int hash(byte[] key) {
        int h = Arrays.hashCode(key);
        return h ^ (h >>> 16);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of a box with " + size + " keys");
        }
    }

    /** Two boxes are equal when they hold the same keys with equal values, in any order. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Box)) {
            return false;
        }
        Box that = (Box) other;
        if (that.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!Arrays.equals(entries[2 * i + 1], that.get(entries[2 * i]))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (int i = 0; i < size; i++) {
            hash += Arrays.hashCode(entries[2 * i]) ^ Arrays.hashCode(entries[2 * i + 1]);
        }
        return hash;
    }

    /** Python-like text, keys in wire order: {@code {b'_ask': b'1', b'a': b'13'}}. */
    @Override
    public String toString() {
        int[] order = BoxEncoder.wireOrder(this);
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < order.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(Bytes.repr(entries[2 * order[i]])).append(": ").append(Bytes.repr(entries[2 * order[i] + 1]));
        }
        return text.append('}').toString();
    }
}
