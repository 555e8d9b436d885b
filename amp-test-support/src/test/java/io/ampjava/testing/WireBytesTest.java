package io.ampjava.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WireBytesTest {
    @Test
    void theNotationReadsHexAndQuotedText() {
        assertArrayEquals(new byte[] {0, 1, 'Z', 0, 1, 'z', 0, 0}, WireBytes.of("00 01 'Z' 00 01 'z' 00 00"));
        assertArrayEquals(new byte[] {(byte) 0xc3, (byte) 0xa9}, WireBytes.of("'é'"));
        assertEquals("00 01 5a ff", WireBytes.hex(WireBytes.of("0001 'Z' ff")));
    }

    @Test
    void aBoxIsItsFieldsInTheOrderGivenThenTheEmptyKey() {
        assertArrayEquals(WireBytes.of("00 01 'b' 00 02 '12' 00 01 'a' 00 00 00 00"), WireBytes.box("b", "12", "a", ""));
        assertArrayEquals(WireBytes.of("00 00"), WireBytes.box());
        assertArrayEquals(WireBytes.of("00 02 'é' 00 00"), WireBytes.box("é"), "a length counts UTF-8 bytes");
    }

    @Test
    void aFieldLengthIsTwoBytesBigEndian() {
        byte[] field = WireBytes.field(WireBytes.filled(0x1234, 'x'));
        assertEquals(2 + 0x1234, field.length);
        assertEquals(0x12, field[0]);
        assertEquals(0x34, field[1]);
        assertEquals('x', field[field.length - 1]);
    }

    @Test
    void textIsOneBytePerCharInLatin1AndAscii() {
        assertArrayEquals(new byte[] {(byte) 0xa0, '1'}, WireBytes.latin1("\u00a01"));
        assertArrayEquals(new byte[] {'?', '1'}, WireBytes.ascii("\u00a01"));
        assertArrayEquals(new byte[] {1, 2, 3}, WireBytes.concat(new byte[] {1}, new byte[0], new byte[] {2, 3}));
    }
}
