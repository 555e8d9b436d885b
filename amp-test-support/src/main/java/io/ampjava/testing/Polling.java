package io.ampjava.testing;

import java.time.Duration;
import java.util.Collection;
import java.util.function.Supplier;

/** Waiting for something left over (descriptors, threads) to go away. */
final class Polling {
    private Polling() {}

    /**
     * Reads {@code current} every 10 ms until it is empty or {@code within} has passed, and returns
     * the last reading.
     */
    static <C extends Collection<?>> C untilEmpty(Supplier<C> current, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        C left = current.get();
        while (!left.isEmpty() && System.nanoTime() - deadline < 0) {
            Thread.sleep(10);
            left = current.get();
        }
        return left;
    }
}
