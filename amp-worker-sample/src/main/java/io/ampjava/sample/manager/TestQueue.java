package io.ampjava.sample.manager;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tests of a run, handed out one at a time to whichever worker is free (as trial does). The
 * list may arrive after the workers have started: {@link #take} waits for it, so workers boot while
 * the manager is still finding the tests.
 */
final class TestQueue {
    private final CompletableFuture<List<String>> tests = new CompletableFuture<>();
    private final AtomicInteger next = new AtomicInteger();

    /** Hands out {@code names}; wakes workers waiting in {@link #take}. */
    void fill(List<String> names) {
        tests.complete(List.copyOf(names));
    }

    /** There will be no tests: waiting workers get none. */
    void cancel() {
        tests.complete(List.of());
    }

    /** The next test's 1-based position, or 0 when none is left; its name is {@link #name}. */
    int take() {
        int size = list().size();
        int index = next.getAndIncrement();
        return index < size ? index + 1 : 0;
    }

    String name(int position) {
        return list().get(position - 1);
    }

    /** The tests nobody took (after every worker stopped). */
    List<String> untaken() {
        List<String> all = list();
        int taken = Math.min(next.get(), all.size());
        return all.subList(taken, all.size());
    }

    private List<String> list() {
        try {
            return tests.join();
        } catch (CompletionException e) {
            return List.of();
        }
    }
}
