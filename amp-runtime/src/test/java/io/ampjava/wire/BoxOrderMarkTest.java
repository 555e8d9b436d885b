package io.ampjava.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ampjava.testing.WireBytes;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A box marks whether its keys are in wire order; while they are, put() skips the search for a key
 * above the last, large boxes are searched by bisection, and the encoder does not sort. Checked
 * against a plain map through random puts (often in order), replacements and removals.
 */
@Timeout(20)
class BoxOrderMarkTest {
    @Test
    void theMarkAndEveryLookupFollowThePutsAndRemovals() {
        SeededRuns.repeat(52_000, 400, random -> {
            Box box = new Box(random.nextInt(3));
            Map<String, byte[]> model = new LinkedHashMap<>();
            boolean ordered = random.nextBoolean();
            boolean putOutOfOrder = false; // a new key not above the last one was put: the mark is gone for good
            int steps = random.nextInt(random.nextBoolean() ? 10 : 120);
            for (int step = 0; step < steps; step++) {
                byte[] key;
                if (ordered && random.nextInt(10) > 0) {
                    key = String.format("k%04d", step * 2 + random.nextInt(2)).getBytes(); // above the last
                } else {
                    key = String.format("k%04d", random.nextInt(2 * steps + 1)).getBytes();
                }
                if (random.nextInt(8) == 0) {
                    assertArrayEquals(model.remove(new String(key)), box.remove(key));
                } else {
                    byte[] value = RandomBoxes.bytes(random, random.nextInt(3));
                    String last = model.isEmpty() ? null : (String) model.keySet().toArray()[model.size() - 1];
                    if (!model.containsKey(new String(key)) && last != null && last.compareTo(new String(key)) >= 0) {
                        putOutOfOrder = true;
                    }
                    model.put(new String(key), value);
                    box.put(key.clone(), value);
                }
                Box checked = random.nextInt(5) == 0 ? box.copy() : box;
                assertEquals(model.size(), checked.size());
                assertEquals(!putOutOfOrder, checked.isAscending(), checked::toString);
                if (checked.isAscending()) {
                    assertEquals(true, inWireOrder(checked), checked::toString);
                }
                for (Map.Entry<String, byte[]> entry : model.entrySet()) {
                    assertArrayEquals(entry.getValue(), checked.get(entry.getKey().getBytes()), entry.getKey());
                }
                assertNull(checked.get("k9999".getBytes()));
                assertNull(checked.get("a".getBytes()));
                assertNull(checked.get("k".getBytes()));
            }
        });
    }

    @Test
    void inOrderPutsKeepTheMarkAndOneOutOfOrderPutEndsIt() {
        Box box = new Box();
        box.put("_ask", "1").put("_command", "Sum").put("a", "13").put("b", "81");
        assertEquals(true, box.isAscending());
        box.put("a", "14"); // a replacement keeps the order
        assertEquals(true, box.isAscending());
        box.remove("_command");
        assertEquals(true, box.isAscending());
        box.put("_answer", "2");
        assertEquals(false, box.isAscending());
        box.remove("_answer");
        assertEquals(false, box.isAscending()); // not tracked back: only a hint for the fast paths
        assertArrayEquals(WireBytes.concat(
                new byte[] {0, 4}, WireBytes.ascii("_ask"), new byte[] {0, 1}, WireBytes.ascii("1"),
                new byte[] {0, 1}, WireBytes.ascii("a"), new byte[] {0, 2}, WireBytes.ascii("14"),
                new byte[] {0, 1}, WireBytes.ascii("b"), new byte[] {0, 2}, WireBytes.ascii("81"),
                new byte[] {0, 0}), BoxEncoder.encode(box));
    }

    private static boolean inWireOrder(Box box) {
        for (int i = 1; i < box.size(); i++) {
            if (Arrays.compareUnsigned(box.keyAt(i - 1), box.keyAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }
}
