package io.ampjava.types;

import static io.ampjava.testing.WireBytes.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** AMP Boolean (spec §3.2 "Boolean", checklist 38). */
class BooleanArgumentTest {

    @Test
    void onlyTrueAndFalse() {
        assertArrayEquals(ascii("True"), BooleanArgument.encode(true));
        assertArrayEquals(ascii("False"), BooleanArgument.encode(false));
        assertTrue(BooleanArgument.decode(ascii("True")));
        assertFalse(BooleanArgument.decode(ascii("False")));
        assertEquals(Boolean.TRUE, BooleanArgument.INSTANCE.fromWire(ascii("True"), ArgumentContext.NONE));
        assertArrayEquals(ascii("False"), BooleanArgument.INSTANCE.toWire(false, ArgumentContext.NONE));
    }

    @Test
    void everyOtherSpellingIsRefused() {
        for (String text : new String[] {"true", "TRUE", "false", "1", "0", "", "ninja", "True ", " True", "Tru", "Falsee"}) {
            BadArgumentException e = assertThrows(BadArgumentException.class, () -> BooleanArgument.decode(ascii(text)), text);
            assertTrue(e.getMessage().contains("Boolean"), e.getMessage());
        }
    }

    @Test
    void encodingHandsOutFreshArrays() {
        // A box owns its values; one caller changing its array must not change the next caller's.
        byte[] first = BooleanArgument.encode(true);
        first[0] = 'X';
        assertArrayEquals(ascii("True"), BooleanArgument.encode(true));
    }
}
