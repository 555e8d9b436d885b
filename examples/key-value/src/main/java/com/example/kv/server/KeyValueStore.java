package com.example.kv.server;

import com.example.kv.protocol.Entry;
import com.example.kv.protocol.EntryElement;
import com.example.kv.protocol.Limits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The entries, in key order, that every connection shares, and who waits for or watches which
 * keys. Thread-safe: one lock around everything, which is plenty for an example.
 */
public final class KeyValueStore {
    /** Told of each value stored under a key it watches, under the store's lock: it must not block. */
    public interface Listener {
        void stored(String key, byte[] value);
    }

    /** One page of entries, and whether more follow it. */
    public record Page(List<Entry> entries, boolean more) {}

    private record Watch(String prefix, Listener listener) {}

    private final NavigableMap<String, byte[]> entries = new TreeMap<>();
    private final List<Watch> watches = new ArrayList<>();
    private final Map<String, List<CompletableFuture<byte[]>>> waiting = new HashMap<>();

    /**
     * Stores {@code value} under {@code key}.
     *
     * @throws com.example.kv.protocol.EntryTooLargeException if the entry is over {@link Limits#MAX_ENTRY_BYTES}
     */
    public void put(String key, byte[] value) {
        putAll(List.of(EntryElement.of(key, value)));
    }

    /** Stores every entry, or none of them when one is too large. */
    public void putAll(List<? extends Entry> batch) {
        for (Entry entry : batch) {
            Limits.check(entry.key(), entry.value());
        }
        List<Runnable> wakeUps = new ArrayList<>();
        synchronized (this) {
            for (Entry entry : batch) {
                entries.put(entry.key(), entry.value());
                for (Watch watch : watches) {
                    if (entry.key().startsWith(watch.prefix())) {
                        watch.listener().stored(entry.key(), entry.value());
                    }
                }
                List<CompletableFuture<byte[]>> waiters = waiting.remove(entry.key());
                if (waiters != null) {
                    wakeUps.add(() -> waiters.forEach(waiter -> waiter.complete(entry.value())));
                }
            }
        }
        // Outside the lock: completing a waiter writes its answer, which may block on a slow peer.
        wakeUps.forEach(Runnable::run);
    }

    /** The value under {@code key}, or null. */
    public synchronized byte[] get(String key) {
        return entries.get(key);
    }

    /**
     * The entries after {@code after} (from the first when null): at most {@code limit}, at least
     * one, and as many as fit together in one AMP value.
     */
    public synchronized Page page(String after, int limit) {
        NavigableMap<String, byte[]> rest = after == null ? entries : entries.tailMap(after, false);
        List<Entry> page = new ArrayList<>();
        int bytes = 0;
        for (Map.Entry<String, byte[]> entry : rest.entrySet()) {
            int entryBytes = Limits.wireBytes(entry.getKey(), entry.getValue());
            if (!page.isEmpty() && (page.size() >= limit || bytes + entryBytes > Limits.MAX_VALUE_BYTES)) {
                return new Page(page, true);
            }
            page.add(EntryElement.of(entry.getKey(), entry.getValue()));
            bytes += entryBytes;
        }
        return new Page(page, false);
    }

    /** Every entry, in key order. */
    public synchronized List<Entry> snapshot() {
        List<Entry> all = new ArrayList<>(entries.size());
        entries.forEach((key, value) -> all.add(EntryElement.of(key, value)));
        return all;
    }

    /**
     * The value under {@code key}, when there is one. Cancelling the future forgets the wait.
     */
    public CompletableFuture<byte[]> waitFor(String key) {
        CompletableFuture<byte[]> value = new CompletableFuture<>();
        synchronized (this) {
            byte[] present = entries.get(key);
            if (present != null) {
                value.complete(present);
                return value;
            }
            waiting.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        value.whenComplete((ignored, failure) -> {
            if (value.isCancelled()) {
                forget(key, value);
            }
        });
        return value;
    }

    private synchronized void forget(String key, CompletableFuture<byte[]> waiter) {
        List<CompletableFuture<byte[]>> waiters = waiting.get(key);
        if (waiters != null && waiters.remove(waiter) && waiters.isEmpty()) {
            waiting.remove(key);
        }
    }

    /**
     * Tells {@code listener} of every value stored from now on under a key starting with
     * {@code prefix}, in the order they are stored.
     *
     * @return what ends the watch
     */
    public synchronized Runnable watch(String prefix, Listener listener) {
        Watch watch = new Watch(prefix, listener);
        watches.add(watch);
        return () -> {
            synchronized (this) {
                watches.remove(watch);
            }
        };
    }
}
