package io.ampjava.wire;

import static io.ampjava.testing.WireBytes.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoxTest {

    @Test
    void putGetReplaceRemoveKeepInsertionOrder() {
        Box box = new Box().put("b", "1").put("a", "2");
        box.put("b", "3");
        assertEquals(2, box.size());
        assertArrayEquals(ascii("b"), box.keyAt(0));
        assertArrayEquals(ascii("3"), box.valueAt(0));
        assertArrayEquals(ascii("2"), box.remove("a"));
        assertNull(box.remove("a"));
        assertNull(box.get("a"));
        assertFalse(box.containsKey("a"));
        assertEquals("3", box.getString("b"));
        assertThrows(IndexOutOfBoundsException.class, () -> box.keyAt(1));
    }

    @Test
    void nullKeyOrValueIsRefused() {
        assertThrows(NullPointerException.class, () -> new Box().put((byte[]) null, ascii("v")));
        NullPointerException e = assertThrows(NullPointerException.class, () -> new Box().put(ascii("k"), null));
        assertTrue(e.getMessage().contains("b'k'"), e.getMessage());
    }

    @Test
    void equalityIgnoresOrderButNotContent() {
        Box one = new Box().put("a", "1").put("b", "2");
        Box other = new Box().put("b", "2").put("a", "1");
        assertEquals(one, other);
        assertEquals(one.hashCode(), other.hashCode());
        assertNotEquals(one, new Box().put("a", "1").put("b", "3"));
        assertNotEquals(one, new Box().put("a", "1"));
    }

    @Test
    void toStringIsPythonLikeInWireOrder() {
        Box box = new Box().put("b", "it's").put(ascii("a"), new byte[] {(byte) 0xff, '\n'});
        assertEquals("{b'a': b'\\xff\\n', b'b': b\"it's\"}", box.toString());
    }

    @Test
    void copyIsIndependent() {
        Box box = new Box().put("a", "1");
        Box copy = box.copy();
        copy.put("b", "2");
        box.remove("a");
        assertEquals(new Box().put("a", "1").put("b", "2"), copy);
        assertTrue(box.isEmpty());
    }

    @Test
    void largeBoxesBehaveLikeAMap() {
        // Past 16 keys lookups go through a hash index: check it against a plain map under random edits.
        SeededRuns.repeat(2000, 30, random -> {
            Box box = new Box(random.nextInt(3));
            Map<String, String> model = new LinkedHashMap<>();
            for (int op = 0; op < 1500; op++) {
                String key = "k" + random.nextInt(random.nextBoolean() ? 40 : 600);
                int roll = random.nextInt(10);
                if (roll < 6) {
                    String value = "v" + op;
                    box.put(key, value);
                    model.put(key, value);
                } else if (roll < 8) {
                    assertEquals(model.remove(key), string(box.remove(key)));
                } else {
                    assertEquals(model.get(key), box.getString(key));
                }
                assertEquals(model.size(), box.size());
            }
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < box.size(); i++) {
                keys.add(new String(box.keyAt(i), java.nio.charset.StandardCharsets.UTF_8));
            }
            assertEquals(new ArrayList<>(model.keySet()), keys, "insertion order");
            for (Map.Entry<String, String> entry : model.entrySet()) {
                assertEquals(entry.getValue(), box.getString(entry.getKey()));
            }
        });
    }

    private static String string(byte[] bytes) {
        return bytes == null ? null : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
