package io.ampjava.sample.manager;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The tests of a run, handed out one at a time to whichever worker is free (as trial does). */
final class TestQueue {
    private final List<String> tests;
    private final AtomicInteger next = new AtomicInteger();

    TestQueue(List<String> tests) {
        this.tests = List.copyOf(tests);
    }

    /** The next test's 1-based position, or 0 when none is left; its name is {@link #name}. */
    int take() {
        int index = next.getAndIncrement();
        return index < tests.size() ? index + 1 : 0;
    }

    String name(int position) {
        return tests.get(position - 1);
    }

    int size() {
        return tests.size();
    }

    /** The tests nobody took (after every worker stopped). */
    List<String> untaken() {
        int taken = Math.min(next.get(), tests.size());
        return tests.subList(taken, tests.size());
    }
}
