package io.ampjava.dispatch;

import java.util.ArrayList;
import java.util.List;

/**
 * The calls waiting for an answer, keyed by their numeric tag: an open-addressing table of
 * primitive longs, so registering and removing a call allocates nothing beyond the call itself.
 *
 * <p>Once {@link #closeAndDrain} has run the table refuses new calls, so a call made while the
 * connection closes is either drained (and failed) or refused (and failed by its caller), never lost.
 * Thread-safe: callers register from any thread, the reader thread removes.
 *
 * <p>A call given up by its caller (a timeout, a cancel) is {@link #abandon abandoned}: its entry is
 * replaced by a small marker, which frees the call at once, and stays until the late answer comes
 * ({@link #take} returns the marker then) or the table is drained. Markers count in {@link #size()}:
 * the peer still owes those answers.
 */
final class PendingCalls<V> {
    private static final long EMPTY = 0; // tags start at 1

    private long[] keys = new long[16];
    private Object[] values = new Object[16];
    private int size;
    private boolean closed;

    /** Adds {@code value} under {@code tag}; false (and nothing added) once the table is closed. */
    synchronized boolean register(long tag, V value) {
        if (closed) {
            return false;
        }
        if (tag <= EMPTY) {
            throw new IllegalArgumentException("tag " + tag);
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        insert(keys, values, tag, value);
        size++;
        return true;
    }

    /** Removes and returns the call under {@code tag}, or null when there is none (or only a marker). */
    @SuppressWarnings("unchecked")
    synchronized V remove(long tag) {
        Object value = take(tag);
        return value instanceof Abandoned ? null : (V) value;
    }

    /**
     * Removes what is under {@code tag}: the call, the {@link Abandoned} marker of a call given up,
     * or null when there is nothing.
     */
    synchronized Object take(long tag) {
        int slot = find(tag);
        if (slot < 0) {
            return null;
        }
        Object value = values[slot];
        deleteAt(slot, keys.length - 1);
        size--;
        return value;
    }

    /**
     * Replaces {@code call} under {@code tag} by {@code marker}, if {@code call} is still there
     * (not answered, not drained). Returns whether it was.
     */
    synchronized boolean abandon(long tag, V call, Abandoned marker) {
        int slot = find(tag);
        if (slot < 0 || values[slot] != call) {
            return false;
        }
        values[slot] = marker;
        return true;
    }

    private int find(long tag) {
        if (tag <= EMPTY || size == 0) {
            return -1;
        }
        int mask = keys.length - 1;
        int slot = slot(tag, mask);
        while (keys[slot] != tag) {
            if (keys[slot] == EMPTY) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    synchronized int size() {
        return size;
    }

    /** Refuses further calls and returns every call still waiting (not the markers), in no particular order. */
    @SuppressWarnings("unchecked")
    synchronized List<V> closeAndDrain() {
        closed = true;
        List<V> drained = new ArrayList<>(size);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                if (!(values[i] instanceof Abandoned)) {
                    drained.add((V) values[i]);
                }
                keys[i] = EMPTY;
                values[i] = null;
            }
        }
        size = 0;
        return drained;
    }

    // Backward-shift deletion keeps probe chains intact without tombstones.
    private void deleteAt(int slot, int mask) {
        int hole = slot;
        int next = (hole + 1) & mask;
        while (keys[next] != EMPTY) {
            int home = slot(keys[next], mask);
            // Move the entry at next into the hole unless its home lies cyclically in (hole, next].
            boolean homeBetween = hole <= next ? (hole < home && home <= next) : (hole < home || home <= next);
            if (!homeBetween) {
                keys[hole] = keys[next];
                values[hole] = values[next];
                hole = next;
            }
            next = (next + 1) & mask;
        }
        keys[hole] = EMPTY;
        values[hole] = null;
    }

    private void grow() {
        long[] newKeys = new long[keys.length * 2];
        Object[] newValues = new Object[values.length * 2];
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                insert(newKeys, newValues, keys[i], values[i]);
            }
        }
        keys = newKeys;
        values = newValues;
    }

    private static void insert(long[] keys, Object[] values, long key, Object value) {
        int mask = keys.length - 1;
        int slot = slot(key, mask);
        while (keys[slot] != EMPTY) {
            if (keys[slot] == key) {
                throw new IllegalStateException("tag " + key + " is already waiting");
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = value;
    }

    // Tags are sequential; a multiplicative hash spreads them so runs do not cluster.
    private static int slot(long key, int mask) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
    }

    /**
     * What stays of an abandoned call until its late answer: how to decode that answer so the
     * descriptors it names are claimed and closed ({@code null}: nothing to claim).
     */
    interface Abandoned {
        /** Called with the late answer on the reader thread; must not throw. */
        void lateAnswer(io.ampjava.wire.Box answer);
    }
}
