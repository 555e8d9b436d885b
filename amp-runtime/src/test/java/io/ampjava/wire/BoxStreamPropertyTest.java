package io.ampjava.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.testing.WireBytes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Seeded-random properties of the codec on whole streams, and a fuzz loop for the decoder. */
@Timeout(20)
class BoxStreamPropertyTest {

    @Test
    void decodeOfEncodeIsTheBox() {
        SeededRuns.repeat(100, 300, random -> {
            Box box = RandomBoxes.box(random);
            assertEquals(List.of(box), BoxDecoder.parse(BoxEncoder.encode(box)));
        });
    }

    @Test
    void anySplitOfAValidStreamDecodesToTheSameBoxes() {
        SeededRuns.repeat(5000, 150, random -> {
            List<Box> boxes = RandomBoxes.boxes(random, 6);
            byte[] stream = RandomBoxes.stream(boxes);
            BoxDecoder decoder = new BoxDecoder();
            List<Box> received = new ArrayList<>();
            int offset = 0;
            for (int size : RandomBoxes.chunkSizes(random, stream.length)) {
                ByteBuffer chunk = ByteBuffer.wrap(stream, offset, size);
                decoder.feed(chunk, received::add);
                assertEquals(0, chunk.remaining(), "the decoder consumes every byte it is given");
                offset += size;
            }
            assertEquals(boxes, received);
            assertTrue(decoder.isIdle());
        });
    }

    @Test
    void encodingIsCanonical() {
        // Equal boxes built in different orders give identical bytes, as Twisted's sorted serialize does.
        SeededRuns.repeat(9000, 200, random -> {
            Box box = RandomBoxes.box(random);
            Box shuffled = new Box();
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < box.size(); i++) {
                order.add(i);
            }
            java.util.Collections.shuffle(order, random);
            for (int i : order) {
                shuffled.put(box.keyAt(i), box.valueAt(i));
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(BoxEncoder.encode(box), BoxEncoder.encode(shuffled));
        });
    }

    /**
     * Mutated and random streams only ever give valid boxes, {@link TooLongException} or
     * {@link ProtocolException}: never another exception, never a box that cannot be re-sent.
     */
    @Test
    void fuzzedStreamsFailOnlyWithProtocolErrors() {
        int[] outcomes = new int[3]; // clean, TooLong, Protocol
        SeededRuns.repeat(77_000, 3000, random -> {
            byte[] stream = fuzzStream(random);
            BoxDecoder decoder = new BoxDecoder(1 + random.nextInt(random.nextBoolean() ? 3 : 50));
            List<Box> received = new ArrayList<>();
            int offset = 0;
            try {
                for (int size : RandomBoxes.chunkSizes(random, stream.length)) {
                    decoder.feed(ByteBuffer.wrap(stream, offset, size), received::add);
                    offset += size;
                }
                outcomes[0]++;
            } catch (TooLongException e) {
                assertTrue(!e.isLocal() && e.isKey() && e.length() > AmpKeys.MAX_KEY_LENGTH, e.getMessage());
                outcomes[1]++;
            } catch (ProtocolException e) {
                outcomes[2]++;
            }
            for (Box box : received) {
                BoxEncoder.encode(box); // throws if a key or value broke the limits
            }
        });
        // The generator must reach every outcome, or the loop proves less than it claims.
        for (int count : outcomes) {
            assertTrue(count > 100, "outcomes clean/TooLong/Protocol: " + Arrays.toString(outcomes));
        }
    }

    private static byte[] fuzzStream(Random random) {
        switch (random.nextInt(4)) {
            case 0: { // pure noise
                byte[] noise = new byte[random.nextInt(400)];
                random.nextBytes(noise);
                return noise;
            }
            case 1: { // noise that often looks like small lengths
                byte[] bytes = new byte[random.nextInt(400)];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) (random.nextInt(3) == 0 ? 0 : random.nextInt(8));
                }
                return bytes;
            }
            default: { // a valid stream of small boxes, mutated
                List<Box> boxes = new ArrayList<>();
                for (int i = random.nextInt(5); i >= 0; i--) {
                    Box box = new Box();
                    for (int k = random.nextInt(6); k > 0; k--) {
                        box.put(RandomBoxes.bytes(random, 1 + random.nextInt(6)), RandomBoxes.bytes(random, random.nextInt(12)));
                    }
                    boxes.add(box);
                }
                byte[] stream = RandomBoxes.stream(boxes);
                for (int edits = random.nextInt(4); edits > 0 && stream.length > 0; edits--) {
                    int at = random.nextInt(stream.length);
                    switch (random.nextInt(4)) {
                        case 0: stream[at] = (byte) random.nextInt(256); break;
                        case 1: stream[at] ^= 1 << random.nextInt(8); break;
                        case 2: stream = WireBytes.concat(Arrays.copyOf(stream, at), Arrays.copyOfRange(stream, at + 1, stream.length)); break;
                        default: stream = Arrays.copyOf(stream, at); break;
                    }
                }
                return stream;
            }
        }
    }
}
