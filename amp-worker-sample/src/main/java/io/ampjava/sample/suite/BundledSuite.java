package io.ampjava.sample.suite;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

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

    /**
     * The suite's tests as {@code pkg.Class#method}, class by class in {@link #CLASSES} order and by
     * method name within a class. The manager lists them this way instead of through JUnit's
     * discovery, so its own JVM never starts a test engine: it only hands names to the workers. The
     * suite's classes declare plain {@code @Test} methods and nothing JUnit would add or drop (a
     * test checks that both listings agree).
     */
    public static List<String> testNames() {
        List<String> names = new ArrayList<>();
        for (Class<?> type : CLASSES) {
            List<Method> tests = new ArrayList<>();
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Test.class)) {
                    tests.add(method);
                }
            }
            tests.sort(Comparator.comparing(Method::getName));
            for (Method test : tests) {
                names.add(type.getName() + "#" + test.getName());
            }
        }
        return List.copyOf(names);
    }
}
