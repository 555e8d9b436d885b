package io.ampjava.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.ampjava.testing.WireBytes;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Small boxes are sorted in a packed long, larger ones in an array: both must give Twisted's order
 * (unsigned bytes, a key before its extensions) for every size, including 15 and 16 keys, where
 * the encoder switches.
 */
@Timeout(20)
class BoxEncoderOrderTest {
    @Test
    void everySizeEncodesInUnsignedKeyOrder() {
        SeededRuns.repeat(77_000, 400, random -> {
            int size = random.nextInt(40);
            Box box = new Box();
            while (box.size() < size) {
                // Short keys over a small alphabet with high bytes: shared prefixes, prefixes of each other.
                byte[] key = new byte[1 + random.nextInt(3)];
                for (int i = 0; i < key.length; i++) {
                    key[i] = (byte) new int[] {'a', 'b', 0x7f, 0x80, 0xff, '_'}[random.nextInt(6)];
                }
                box.put(key, RandomBoxes.bytes(random, random.nextInt(4)));
            }
            assertArrayEquals(reference(box), BoxEncoder.encode(box));
        });
    }

    /** The wire bytes built the obvious way: sort the keys, write each pair, then 00 00. */
    private static byte[] reference(Box box) {
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < box.size(); i++) {
            keys.add(box.keyAt(i));
        }
        keys.sort(Arrays::compareUnsigned);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] key : keys) {
            out.writeBytes(WireBytes.field(key));
            out.writeBytes(WireBytes.field(box.get(key)));
        }
        out.write(0);
        out.write(0);
        return out.toByteArray();
    }
}
