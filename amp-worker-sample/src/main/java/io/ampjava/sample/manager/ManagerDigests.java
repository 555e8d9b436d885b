package io.ampjava.sample.manager;

import io.ampjava.sample.junit.ClassDigests;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The manager's own class digests for one run, which every worker's class check compares with:
 * each class file is read and hashed once, however many workers run its tests.
 */
final class ManagerDigests {
    private final ClassLoader testClasses;
    private final ConcurrentMap<String, Optional<String>> digests = new ConcurrentHashMap<>();

    /** {@code testClasses}: where the manager finds the test classes, or null when it has none. */
    ManagerDigests(ClassLoader testClasses) {
        this.testClasses = testClasses;
    }

    /** Whether the manager has test classes to compare with at all. */
    boolean available() {
        return testClasses != null;
    }

    /** The hex SHA-256 of {@code className}'s class file here, or empty when the manager has none. */
    Optional<String> of(String className) {
        return digests.computeIfAbsent(className, name -> ClassDigests.of(testClasses, name));
    }
}
