package io.ampjava.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PendingCallsTest {
    @Test
    void behavesLikeAMapUnderRandomRegistersAndRemoves() {
        for (int run = 0; run < 20; run++) {
            long seed = System.nanoTime() + run;
            Random random = new Random(seed);
            PendingCalls<String> table = new PendingCalls<>();
            Map<Long, String> model = new HashMap<>();
            List<Long> live = new ArrayList<>();
            long nextTag = 1;
            for (int step = 0; step < 5_000; step++) {
                int action = random.nextInt(10);
                if (action < 5 || live.isEmpty()) {
                    long tag = nextTag;
                    nextTag += 1 + random.nextInt(3); // tags skip, as after a TooLong or a no-answer send
                    table.register(tag, "v" + tag);
                    model.put(tag, "v" + tag);
                    live.add(tag);
                } else if (action < 9) {
                    long tag = live.remove(random.nextInt(live.size()));
                    assertEquals(model.remove(tag), table.remove(tag), "seed " + seed + " removing " + tag);
                } else {
                    long absent = nextTag + random.nextInt(100);
                    assertNull(table.remove(absent), "seed " + seed + " removing absent " + absent);
                }
                assertEquals(model.size(), table.size(), "seed " + seed);
            }
            assertEquals(new HashSet<>(model.values()), new HashSet<>(table.closeAndDrain()), "seed " + seed);
        }
    }

    @Test
    void aClosedTableRefusesCallsAndDrainsOnce() {
        PendingCalls<String> table = new PendingCalls<>();
        assertTrue(table.register(1, "one"));
        assertTrue(table.register(2, "two"));
        assertEquals(2, table.closeAndDrain().size());
        assertFalse(table.register(3, "three"));
        assertNull(table.remove(1));
        assertTrue(table.closeAndDrain().isEmpty());
    }

    @Test
    void aTagCannotWaitTwice() {
        PendingCalls<String> table = new PendingCalls<>();
        table.register(7, "a");
        assertThrows(IllegalStateException.class, () -> table.register(7, "b"));
        assertThrows(IllegalArgumentException.class, () -> table.register(0, "zero"));
    }
}
