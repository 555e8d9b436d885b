package com.example.kv.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;

/**
 * The sizes both sides keep to. AMP carries at most 65,535 bytes in one value, and a whole list of
 * entries is one value, so a page of {@link Entries} and a batch of {@link PutAll} hold only as
 * many entries as fit; an entry that could not fit in a list even alone is refused.
 */
public final class Limits {
    /** AMP's limit for one value, a list of entries included. */
    public static final int MAX_VALUE_BYTES = 65_535;

    /**
     * What an entry costs in a list besides its key and value: an element is a box of two keys,
     * {@code key} and {@code value}, each written as a 2-byte length and its name, each value as a
     * 2-byte length and its bytes, and a 2-byte zero that ends the box.
     */
    static final int ENTRY_FRAMING = (2 + "key".length() + 2) + (2 + "value".length() + 2) + 2;

    /** The most a key (in UTF-8) and its value may hold together: what fits in a list alone. */
    public static final int MAX_ENTRY_BYTES = MAX_VALUE_BYTES - ENTRY_FRAMING;

    private Limits() {}

    /** The bytes {@code entry} takes in a list on the wire. */
    public static int wireBytes(Entry entry) {
        return wireBytes(entry.key(), entry.value());
    }

    /** The bytes an entry of {@code key} and {@code value} takes in a list on the wire. */
    public static int wireBytes(String key, byte[] value) {
        return ENTRY_FRAMING + key.getBytes(UTF_8).length + value.length;
    }

    /** Refuses an entry that could not be listed. */
    public static void check(String key, byte[] value) {
        int bytes = wireBytes(key, value) - ENTRY_FRAMING;
        if (bytes > MAX_ENTRY_BYTES) {
            throw new EntryTooLargeException("the entry '" + key + "' holds " + bytes + " bytes, over the limit of "
                    + MAX_ENTRY_BYTES + " for a key and its value");
        }
    }

    /**
     * Splits {@code entries}, in order, into lists that each fit in one value: one {@link PutAll}
     * each.
     *
     * @throws EntryTooLargeException if an entry is too large to be stored at all
     */
    public static List<List<Entry>> batches(List<? extends Entry> entries) {
        List<List<Entry>> batches = new ArrayList<>();
        List<Entry> batch = new ArrayList<>();
        int batchBytes = 0;
        for (Entry entry : entries) {
            check(entry.key(), entry.value());
            int bytes = wireBytes(entry);
            if (batchBytes + bytes > MAX_VALUE_BYTES) {
                batches.add(batch);
                batch = new ArrayList<>();
                batchBytes = 0;
            }
            batch.add(entry);
            batchBytes += bytes;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }
}
