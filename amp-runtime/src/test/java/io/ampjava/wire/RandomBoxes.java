package io.ampjava.wire;

import io.ampjava.testing.WireBytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random valid boxes and streams for property tests: mostly small, sometimes at the limits. */
public final class RandomBoxes {
    private RandomBoxes() {}

    public static Box box(Random random) {
        int keys = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(random.nextInt(5) == 0 ? 40 : 6);
        Box box = new Box();
        for (int i = 0; i < keys; i++) {
            box.put(key(random), value(random));
        }
        return box;
    }

    public static byte[] key(Random random) {
        int length = random.nextInt(20) == 0 ? 1 + random.nextInt(AmpKeys.MAX_KEY_LENGTH) : 1 + random.nextInt(12);
        return bytes(random, length);
    }

    public static byte[] value(Random random) {
        int roll = random.nextInt(100);
        int length;
        if (roll < 5) {
            length = 0;
        } else if (roll < 7) {
            length = AmpKeys.MAX_VALUE_LENGTH - random.nextInt(3);
        } else if (roll < 12) {
            length = random.nextInt(AmpKeys.MAX_VALUE_LENGTH);
        } else {
            length = random.nextInt(40);
        }
        return bytes(random, length);
    }

    /** Random bytes, often drawn from a small alphabet so that structure-like bytes (00, CR, LF) are common. */
    public static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        if (random.nextBoolean()) {
            random.nextBytes(bytes);
        } else {
            byte[] alphabet = {0, 1, (byte) 0xff, '\r', '\n', ':', ' ', 'a', '_'};
            for (int i = 0; i < length; i++) {
                bytes[i] = alphabet[random.nextInt(alphabet.length)];
            }
        }
        return bytes;
    }

    public static List<Box> boxes(Random random, int max) {
        List<Box> boxes = new ArrayList<>();
        for (int i = random.nextInt(max + 1); i > 0; i--) {
            boxes.add(box(random));
        }
        return boxes;
    }

    public static byte[] stream(List<Box> boxes) {
        byte[][] encoded = new byte[boxes.size()][];
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = BoxEncoder.encode(boxes.get(i));
        }
        return WireBytes.concat(encoded);
    }

    /** Splits {@code length} bytes into chunk sizes: all ones, tiny, or large, at random. */
    public static List<Integer> chunkSizes(Random random, int length) {
        List<Integer> sizes = new ArrayList<>();
        int mode = length > 100_000 ? 1 + random.nextInt(3) : random.nextInt(4); // byte by byte only for small streams
        int remaining = length;
        while (remaining > 0) {
            int size;
            switch (mode) {
                case 0: size = 1; break;
                case 1: size = 1 + random.nextInt(4); break;
                case 2: size = 1 + random.nextInt(300); break;
                default: size = 1 + random.nextInt(70_000); break;
            }
            size = Math.min(size, remaining);
            sizes.add(size);
            remaining -= size;
        }
        return sizes;
    }
}
