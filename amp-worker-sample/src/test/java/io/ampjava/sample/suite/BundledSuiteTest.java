package io.ampjava.sample.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.sample.junit.JUnitTestRunner;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class BundledSuiteTest {
    @Test
    void listsWhatJUnitDiscovers() {
        List<String> listed = BundledSuite.testNames();
        List<String> discovered;
        try (JUnitTestRunner runner = JUnitTestRunner.forApplicationClassPath()) {
            discovered = runner.testMethodNames(BundledSuite.CLASSES);
        }
        assertEquals(new HashSet<>(discovered), new HashSet<>(listed));
        assertEquals(listed.size(), new HashSet<>(listed).size(), "no name twice");
        assertTrue(listed.size() >= 100, "the bundled suite has at least 100 tests, got " + listed.size());
    }

    @Test
    void keepsClassOrderThenMethodNames() {
        List<String> listed = BundledSuite.testNames();
        assertTrue(listed.get(0).startsWith(BundledSuite.CLASSES.get(0).getName() + "#"), listed.get(0));
        assertTrue(listed.get(listed.size() - 1).startsWith(
                BundledSuite.CLASSES.get(BundledSuite.CLASSES.size() - 1).getName() + "#"), listed.get(listed.size() - 1));
        for (int i = 1; i < listed.size(); i++) {
            String previous = listed.get(i - 1);
            String current = listed.get(i);
            String previousClass = previous.substring(0, previous.indexOf('#'));
            if (previousClass.equals(current.substring(0, current.indexOf('#')))) {
                assertTrue(previous.compareTo(current) < 0, previous + " before " + current);
            }
        }
    }
}
