package io.ampjava.sample.suite;

import java.util.List;

/** The classes of the bundled example suite, which the manager runs when given no test names. */
public final class BundledSuite {
    private BundledSuite() {}

    /** The suite's classes, in a fixed order. */
    public static final List<Class<?>> CLASSES = List.of(
            PrimeCountTest.class,
            NQueensTest.class,
            CollatzTest.class,
            Sha256ChainTest.class,
            SortTest.class,
            MersenneTest.class,
            BigNumberTest.class,
            MatrixTest.class,
            EditDistanceTest.class);
}
