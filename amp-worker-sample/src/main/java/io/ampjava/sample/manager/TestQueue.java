package io.ampjava.sample.manager;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The tests of a run, handed out one at a time to whichever worker is free, as trial does, but with
 * an eye on what each worker already ran: a worker keeps to one class (the part of a name before
 * {@code #}, or before the last dot of a Python name) until that class is done, then starts a class
 * nobody has started, and only when none is left helps with the class that has most tests left.
 *
 * <p>Why: every worker JVM compiles (JIT) the code its tests run. Handing out tests round-robin
 * makes every worker run, and compile, every class's code; keeping to classes roughly halves that
 * duplicated work with two workers. Results do not depend on the order.
 *
 * <p>The list may arrive after the workers have started: {@link #take} waits for it, so workers
 * boot while the manager is still finding the tests.
 */
final class TestQueue {
    private final CompletableFuture<List<String>> tests = new CompletableFuture<>();
    private final Map<String, Deque<Integer>> groups = new LinkedHashMap<>();
    private final Map<String, Integer> workersOnGroup = new HashMap<>();
    private final Map<Integer, String> groupOfWorker = new HashMap<>();

    /** Hands out {@code names}; wakes workers waiting in {@link #take}. */
    void fill(List<String> names) {
        List<String> copy = List.copyOf(names);
        synchronized (this) {
            for (int i = 0; i < copy.size(); i++) {
                groups.computeIfAbsent(groupOf(copy.get(i)), key -> new ArrayDeque<>()).addLast(i + 1);
            }
        }
        tests.complete(copy);
    }

    /** There will be no tests: waiting workers get none. */
    void cancel() {
        tests.complete(List.of());
    }

    /**
     * The next test for {@code worker}: its 1-based position, or 0 when none is left; its name is
     * {@link #name}. Waits until the list is known.
     */
    int take(int worker) {
        list();
        synchronized (this) {
            String group = groupOfWorker.get(worker);
            Deque<Integer> own = group == null ? null : groups.get(group);
            if (own != null && !own.isEmpty()) {
                return own.pollFirst();
            }
            String next = pickGroup();
            if (next == null) {
                return 0;
            }
            if (group != null) {
                workersOnGroup.merge(group, -1, Integer::sum);
            }
            groupOfWorker.put(worker, next);
            boolean shared = workersOnGroup.merge(next, 1, Integer::sum) > 1;
            Deque<Integer> queue = groups.get(next);
            // Helping another worker: take from the far end of its class.
            return shared ? queue.pollLast() : queue.pollFirst();
        }
    }

    String name(int position) {
        return list().get(position - 1);
    }

    /** The positions of the tests nobody took (after every worker stopped), in list order. */
    synchronized List<Integer> untaken() {
        List<Integer> positions = new ArrayList<>();
        for (Deque<Integer> queue : groups.values()) {
            positions.addAll(queue);
        }
        Collections.sort(positions);
        return positions;
    }

    /** A class nobody has started, in list order; else the class with most tests left; else null. */
    private String pickGroup() {
        String busiest = null;
        int most = 0;
        for (Map.Entry<String, Deque<Integer>> entry : groups.entrySet()) {
            int left = entry.getValue().size();
            if (left == 0) {
                continue;
            }
            if (workersOnGroup.getOrDefault(entry.getKey(), 0) == 0) {
                return entry.getKey();
            }
            if (left > most) {
                most = left;
                busiest = entry.getKey();
            }
        }
        return busiest;
    }

    /** {@code pkg.Class} for {@code pkg.Class#method}; {@code pkg.mod.Class} for {@code pkg.mod.Class.test_x}. */
    static String groupOf(String name) {
        int hash = name.indexOf('#');
        if (hash >= 0) {
            return name.substring(0, hash);
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private List<String> list() {
        try {
            return tests.join();
        } catch (CompletionException e) {
            return List.of();
        }
    }
}
