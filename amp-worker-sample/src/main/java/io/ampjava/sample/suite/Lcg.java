package io.ampjava.sample.suite;

/**
 * A 64-bit linear congruential generator (Knuth's MMIX constants) whose output is easy to
 * reproduce in any language, so inputs and the expected results computed elsewhere agree.
 */
final class Lcg {
    private long state;

    Lcg(long seed) {
        this.state = seed;
    }

    /** The next 31 random bits. */
    int next() {
        state = state * 6364136223846793005L + 1442695040888963407L;
        return (int) (state >>> 33);
    }

    long nextLong() {
        return ((long) next() << 31) ^ next();
    }
}
