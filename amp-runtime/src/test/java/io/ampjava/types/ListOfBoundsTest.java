package io.ampjava.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ampjava.wire.Box;
import io.ampjava.wire.BoxEncoder;
import io.ampjava.wire.TooLongException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The size of a {@code ListOf} is bounded by the wire itself: the whole list is one value of at most
 * 65535 bytes and every element costs at least its 2-byte length, so a peer can send at most 32,767
 * elements in one value, and no more than that many objects are built from it. These tests pin that
 * bound on both sides.
 */
@Timeout(10)
class ListOfBoundsTest {
    private static final ListOfArgument<byte[]> STRINGS = new ListOfArgument<>(BytesArgument.INSTANCE);

    @Test
    void theLargestValueHoldsAtMost32767Elements() {
        byte[] wire = new byte[65_535]; // 32,767 empty elements (00 00 each) and one stray byte
        List<byte[]> decoded = STRINGS.fromWire(wire, ArgumentContext.NONE);
        assertEquals(32_767, decoded.size());
    }

    @Test
    void aListTooLongForOneValueCannotBeSent() {
        byte[] wire = STRINGS.toWire(Collections.nCopies(32_768, new byte[0]), ArgumentContext.NONE);
        assertEquals(65_536, wire.length);
        Box box = new Box().put("list", wire);
        assertThrows(TooLongException.class, () -> BoxEncoder.encode(box));
    }
}
