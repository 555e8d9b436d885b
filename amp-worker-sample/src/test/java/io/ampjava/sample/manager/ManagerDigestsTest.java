package io.ampjava.sample.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.sample.junit.ClassDigests;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManagerDigestsTest {
    /** A loader that records each class file asked of it. */
    private static final class CountingLoader extends ClassLoader {
        final List<String> asked = new ArrayList<>();

        CountingLoader() {
            super(ManagerDigestsTest.class.getClassLoader());
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            asked.add(name);
            return super.getResourceAsStream(name);
        }
    }

    @Test
    void eachClassFileIsHashedOnceHoweverManyWorkersAsk() {
        CountingLoader loader = new CountingLoader();
        ManagerDigests digests = new ManagerDigests(loader);
        String self = ManagerDigestsTest.class.getName();
        Optional<String> expected = ClassDigests.of(getClass().getClassLoader(), self);
        assertTrue(expected.isPresent());
        for (int worker = 0; worker < 3; worker++) {
            assertEquals(expected, digests.of(self));
            assertEquals(Optional.empty(), digests.of("no.such.Type"));
        }
        assertEquals(List.of("io/ampjava/sample/manager/ManagerDigestsTest.class", "no/such/Type.class"), loader.asked);
        assertTrue(digests.available());
        assertFalse(new ManagerDigests(null).available(), "a manager without test classes checks nothing");
    }
}
