package io.ampjava.wire;

import static io.ampjava.testing.WireBytes.ascii;
import static io.ampjava.testing.WireBytes.filled;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.testing.WireBytes;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Serialization against Twisted's verified vectors (spec §1.1, §1.3, §1.4). */
class BoxEncoderTest {

    @Test
    void goldenSumBoxHasTwistedsBytesAndKeyOrder() {
        Box box = new Box().put("a", "13").put("b", "81").put("_command", "Sum").put("_ask", "1").put("Z", "z");
        assertArrayEquals(
                WireBytes.of("00 01 'Z' 00 01 'z' 00 04 '_ask' 00 01 '1' 00 08 '_command' 00 03 'Sum'"
                        + " 00 01 'a' 00 02 '13' 00 01 'b' 00 02 '81' 00 00"),
                BoxEncoder.encode(box));
    }

    @Test
    void singlePairBox() {
        // test_sendBoxInStartReceivingBoxes (checklist 2).
        assertArrayEquals(WireBytes.of("00 03 'foo' 00 03 'bar' 00 00"), BoxEncoder.encode(new Box().put("foo", "bar")));
    }

    @Test
    void emptyBoxIsTheTerminatorAlone() {
        assertArrayEquals(WireBytes.of("00 00"), BoxEncoder.encode(new Box()));
    }

    @Test
    void emptyValueIsAllowed() {
        assertArrayEquals(WireBytes.of("00 01 'k' 00 00 00 00"), BoxEncoder.encode(new Box().put("k", "")));
    }

    @Test
    void longestKeyTakes261Bytes() {
        // With an empty value, as Twisted measures it: 2 + 255 + 2 + 0 + 2.
        byte[] encoded = BoxEncoder.encode(new Box().put(filled(255, 'k'), new byte[0]));
        assertEquals(261, encoded.length);
        assertArrayEquals(WireBytes.of("00 ff"), java.util.Arrays.copyOf(encoded, 2));
        assertArrayEquals(WireBytes.of("'k' 00 00 00 00"), java.util.Arrays.copyOfRange(encoded, 256, 261));
    }

    @Test
    void longestValueTakes65542Bytes() {
        byte[] encoded = BoxEncoder.encode(new Box().put(ascii("k"), filled(65535, 'v')));
        assertEquals(65542, encoded.length);
        assertArrayEquals(WireBytes.of("00 01 'k' ff ff"), java.util.Arrays.copyOf(encoded, 5));
        assertArrayEquals(WireBytes.of("'v' 00 00"), java.util.Arrays.copyOfRange(encoded, 65539, 65542));
    }

    @Test
    void keysAreSortedAsUnsignedBytes() {
        Box box = new Box()
                .put("_error_description", "d").put("_error_code", "c").put("_error", "e")
                .put("_command", "C").put("_ask", "1").put("_answer", "2")
                .put("lower", "l").put("UPPER", "u")
                .put(new byte[] {(byte) 0xff}, ascii("high")) // a signed comparison would put this first
                .put(new byte[] {0x01}, ascii("low"));
        assertArrayEquals(
                WireBytes.of("00 01 01 00 03 'low' 00 05 'UPPER' 00 01 'u' 00 07 '_answer' 00 01 '2'"
                        + " 00 04 '_ask' 00 01 '1' 00 08 '_command' 00 01 'C' 00 06 '_error' 00 01 'e'"
                        + " 00 0b '_error_code' 00 01 'c' 00 12 '_error_description' 00 01 'd'"
                        + " 00 05 'lower' 00 01 'l' 00 01 ff 00 04 'high' 00 00"),
                BoxEncoder.encode(box));
    }

    @Test
    void prefixOfAnotherKeySortsFirst() {
        Box box = new Box().put("_error_code", "c").put("_error", "e");
        assertArrayEquals(
                WireBytes.of("00 06 '_error' 00 01 'e' 00 0b '_error_code' 00 01 'c' 00 00"),
                BoxEncoder.encode(box));
    }

    @Test
    void keyOver255IsRefusedNamingKeyAndLength() {
        byte[] key = filled(256, 'k');
        Box box = new Box().put("a", "1").put(key, ascii("v"));
        TooLongException e = assertThrows(TooLongException.class, () -> BoxEncoder.encode(box));
        assertTrue(e.isKey());
        assertTrue(e.isLocal());
        assertEquals(256, e.length());
        assertArrayEquals(key, e.keyName());
        assertEquals("the key '" + "k".repeat(40) + "...' is 256 bytes, over AMP's limit of 255 bytes per key"
                + " (nothing was sent)", e.getMessage());
        assertThrows(TooLongException.class, () -> BoxEncoder.encodedLength(box));
    }

    @Test
    void valueOver65535IsRefusedNamingKeyAndLength() {
        Box box = new Box().put("hello", filled(65536, 'v'));
        TooLongException e = assertThrows(TooLongException.class, () -> BoxEncoder.encode(box));
        assertFalse(e.isKey());
        assertTrue(e.isLocal());
        assertEquals(65536, e.length());
        assertArrayEquals(ascii("hello"), e.keyName());
        assertEquals("the value of key 'hello' is 65536 bytes, over AMP's limit of 65535 bytes per value"
                + " (nothing was sent)", e.getMessage());
    }

    @Test
    void emptyKeyIsRefused() {
        // Twisted would send it, and its own receiver would read 00 00 as the end of the box.
        Box box = new Box().put(new byte[0], ascii("v"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BoxEncoder.encode(box));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void refusedBoxWritesNothingIntoTheBuffer() {
        Box[] refused = {
            new Box().put("a", "1").put(filled(256, 'k'), ascii("v")),
            new Box().put("a", "1").put("big", filled(65536, 'v')),
            new Box().put("a", "1").put(new byte[0], ascii("v")),
        };
        for (Box box : refused) {
            ByteBuffer buffer = ByteBuffer.allocate(70_000);
            buffer.put(ascii("xyz"));
            assertThrows(RuntimeException.class, () -> BoxEncoder.encode(box, buffer));
            assertEquals(3, buffer.position());
            assertArrayEquals(new byte[buffer.capacity() - 3], java.util.Arrays.copyOfRange(buffer.array(), 3, buffer.capacity()));
        }
    }

    @Test
    void bufferTooSmallOverflowsWithoutWriting() {
        Box box = new Box().put("a", "13");
        ByteBuffer buffer = ByteBuffer.allocate(BoxEncoder.encodedLength(box) - 1);
        assertThrows(BufferOverflowException.class, () -> BoxEncoder.encode(box, buffer));
        assertEquals(0, buffer.position());
        assertArrayEquals(new byte[buffer.capacity()], buffer.array());
    }

    @Test
    void bufferVariantWritesTheSameBytesAtThePositionWhateverTheByteOrder() {
        Box box = new Box().put("a", "13").put("_ask", "ff").put("k", filled(300, 'x'));
        byte[] expected = BoxEncoder.encode(box);
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            ByteBuffer buffer = ByteBuffer.allocate(expected.length + 5).order(order);
            buffer.position(2);
            BoxEncoder.encode(box, buffer);
            assertEquals(2 + expected.length, buffer.position());
            assertArrayEquals(expected, java.util.Arrays.copyOfRange(buffer.array(), 2, 2 + expected.length), order.toString());
        }
    }

    @Test
    void encodedLengthMatchesTheEncoding() {
        SeededRuns.repeat(1000, 200, random -> {
            Box box = RandomBoxes.box(random);
            assertEquals(BoxEncoder.encode(box).length, BoxEncoder.encodedLength(box));
        });
    }

    @Test
    void encodingDoesNotChangeTheBox() {
        Box box = new Box().put("b", "2").put("a", "1");
        BoxEncoder.encode(box);
        assertArrayEquals(ascii("b"), box.keyAt(0));
        assertArrayEquals(ascii("a"), box.keyAt(1));
    }
}
