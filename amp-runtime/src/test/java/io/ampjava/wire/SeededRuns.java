package io.ampjava.wire;

import java.util.Random;

/**
 * Property tests as plain loops over fixed seeds: each run gets its own {@link Random}, and a
 * failure names the seed that reproduces it.
 */
public final class SeededRuns {
    /** One run of a property. */
    @FunctionalInterface
    public interface Run {
        void check(Random random) throws Exception;
    }

    private SeededRuns() {}

    /** Runs {@code run} with seeds {@code firstSeed}, {@code firstSeed + 1}, ... ({@code count} runs). */
    public static void repeat(long firstSeed, int count, Run run) {
        for (int i = 0; i < count; i++) {
            long seed = firstSeed + i;
            try {
                run.check(new Random(seed));
            } catch (Throwable e) {
                AssertionError failure = new AssertionError("failed with seed " + seed + ": " + e, e);
                throw failure;
            }
        }
    }
}
