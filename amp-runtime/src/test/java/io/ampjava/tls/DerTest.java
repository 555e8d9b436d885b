package io.ampjava.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Der}: encodings checked against known bytes, and what reading refuses. */
class DerTest {
    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    @Test
    void writesKnownEncodings() {
        assertArrayEquals(hex("06 08 2a 86 48 ce 3d 03 01 07"), Der.oid("1.2.840.10045.3.1.7")); // prime256v1
        assertArrayEquals(hex("06 09 2a 86 48 86 f7 0d 01 01 01"), Der.oid("1.2.840.113549.1.1.1"));
        assertArrayEquals(hex("06 03 2b 65 70"), Der.oid("1.3.101.112"));
        assertArrayEquals(hex("02 01 00"), Der.integer(BigInteger.ZERO));
        assertArrayEquals(hex("02 02 00 80"), Der.integer(BigInteger.valueOf(128)));
        assertArrayEquals(hex("05 00"), Der.nullValue());
        assertArrayEquals(hex("30 05 02 01 01 05 00"), Der.sequence(Der.integer(BigInteger.ONE), Der.nullValue()));
    }

    @Test
    void longFormLengthsAtTheirBoundaries() {
        for (int length : new int[] {0, 127, 128, 255, 256, 65_535, 65_536, 1 << 20}) {
            byte[] encoded = Der.octets(new byte[length]);
            int header = length < 128 ? 2 : length < 256 ? 3 : length < 65_536 ? 4 : 5;
            assertEquals(header + length, encoded.length, "length " + length);
            Der.Value read = Der.read(encoded);
            assertEquals(Der.OCTET_STRING, read.tag());
            assertEquals(length, read.content().length);
        }
    }

    @Test
    void readsBackWhatItWrites() {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            String oid = (random.nextInt(3)) + "." + random.nextInt(40) + "." + Math.abs(random.nextLong() >>> random.nextInt(64))
                    + "." + random.nextInt(1 << random.nextInt(31));
            byte[] content = new byte[random.nextInt(600)];
            random.nextBytes(content);
            Der.Value sequence = Der.read(Der.sequence(Der.oid(oid), Der.octets(content)));
            List<Der.Value> children = sequence.children();
            assertEquals(oid, children.get(0).oid());
            assertArrayEquals(content, children.get(1).content());
        }
    }

    @Test
    void refusesWhatIsNotOneWholeValue() {
        assertEquals("truncated: the DER value says 5 bytes, 2 are there",
                assertThrows(IllegalArgumentException.class, () -> Der.read(hex("04 05 00 00"))).getMessage());
        assertEquals("2 bytes follow the DER value",
                assertThrows(IllegalArgumentException.class, () -> Der.read(hex("05 00 05 00"))).getMessage());
        assertEquals("truncated: a DER value needs at least 2 bytes, 1 left",
                assertThrows(IllegalArgumentException.class, () -> Der.read(hex("30"))).getMessage());
        assertEquals("a DER length that is indefinite, too long or cut off",
                assertThrows(IllegalArgumentException.class, () -> Der.read(hex("30 80 00 00"))).getMessage());
        assertEquals("a DER length that is indefinite, too long or cut off",
                assertThrows(IllegalArgumentException.class, () -> Der.read(hex("04 82 01"))).getMessage());
        assertEquals("truncated: the DER value says 2 bytes, 1 are there",
                assertThrows(IllegalArgumentException.class, () -> Der.read(hex("30 03 04 02 00")).children()).getMessage());
    }
}
