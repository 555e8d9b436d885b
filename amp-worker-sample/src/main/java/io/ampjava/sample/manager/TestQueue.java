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
 * <p>Each worker has at most one test in flight: the one it took last. A test whose worker was
 * lost can be {@linkplain #retry put back}, so a worker with nothing left to take waits while
 * other workers still have tests in flight: one of them may come back.
 *
 * <p>The list may arrive after the workers have started: {@link #take} waits for it, so workers
 * boot while the manager is still finding the tests.
 */
final class TestQueue {
    private final CompletableFuture<List<String>> tests = new CompletableFuture<>();
    private final Map<String, Deque<Integer>> groups = new LinkedHashMap<>();
    private final Map<String, Integer> workersOnGroup = new HashMap<>();
    private final Map<Integer, String> groupOfWorker = new HashMap<>();
    private final Map<Integer, Integer> inFlight = new HashMap<>();
    private final Map<Integer, Integer> losses = new HashMap<>();
    private boolean stopped;

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
        stop();
    }

    /** Hands out nothing more (trial's {@code --exitfirst}); what nobody took stays {@link #untaken}. */
    synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    /**
     * The next test for {@code worker}, which is done with the test it took before: its 1-based
     * position, or 0 when none is left and no other worker's test can come back. Its name is
     * {@link #name}. Waits until the list is known, and while nothing is left but other workers
     * still run a test.
     */
    int take(int worker) throws InterruptedException {
        list();
        synchronized (this) {
            inFlight.remove(worker);
            notifyAll();
            while (true) {
                if (stopped) {
                    return 0;
                }
                int position = pick(worker);
                if (position != 0) {
                    inFlight.put(worker, position);
                    return position;
                }
                if (inFlight.isEmpty()) {
                    return 0;
                }
                wait();
            }
        }
    }

    /**
     * {@code worker} was lost while running the test it took: counts that against the test and
     * returns how many workers it has lost in all. The test is still in flight until {@link #retry}
     * or {@link #leave}.
     */
    synchronized int lostWorker(int worker) {
        Integer position = inFlight.get(worker);
        return position == null ? 0 : losses.merge(position, 1, Integer::sum);
    }

    /** Puts {@code worker}'s test back at the front of its class, for any worker to take. */
    synchronized void retry(int worker) {
        Integer position = inFlight.remove(worker);
        if (position != null) {
            groups.get(groupOf(name(position))).addFirst(position);
            String group = groupOfWorker.remove(worker);
            if (group != null) {
                workersOnGroup.merge(group, -1, Integer::sum);
            }
        }
        notifyAll();
    }

    /** {@code worker} takes nothing more; the test it took, if any, is done. */
    synchronized void leave(int worker) {
        inFlight.remove(worker);
        String group = groupOfWorker.remove(worker);
        if (group != null) {
            workersOnGroup.merge(group, -1, Integer::sum);
        }
        notifyAll();
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

    /** The next position for {@code worker}, or 0; keeps the group bookkeeping. */
    private int pick(int worker) {
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

    /**
     * {@code pkg.Class} for {@code pkg.Class#method} (or {@code pkg.Class#method(int)}), and for
     * {@code pkg.Class} itself; {@code pkg.mod.Class} for {@code pkg.mod.Class.test_x}.
     */
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
