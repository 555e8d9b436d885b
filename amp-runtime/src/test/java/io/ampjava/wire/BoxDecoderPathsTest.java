package io.ampjava.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.testing.WireBytes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The decoder takes fields that lie whole in its input in one loop and leaves split fields to its
 * per-field state machine; it also looks for each key where the last box had it. Fed one byte at a
 * time it uses only the state machine, fed the whole stream at once mostly the loop: for every
 * stream (valid, with repeated, reordered and duplicate keys, or mutated) and every split, both
 * must give the same boxes, the same error at the same offset, and boxes whose wire-order mark is
 * true exactly when their keys are in wire order.
 */
@Timeout(30)
class BoxDecoderPathsTest {

    @Test
    void wholeAndSplitInputGiveTheSameBoxesAndErrors() {
        int[] failures = new int[1];
        SeededRuns.repeat(31_000, 3000, random -> {
            byte[] stream = stream(random);
            int maxKeys = random.nextInt(4) == 0 ? 1 + random.nextInt(4) : BoxDecoder.DEFAULT_MAX_KEYS;
            int maxBytes = random.nextInt(4) == 0 ? 1 + random.nextInt(60) : Integer.MAX_VALUE;
            Outcome bytewise = decode(stream, ones(stream.length), maxKeys, maxBytes);
            Outcome whole = decode(stream, List.of(stream.length), maxKeys, maxBytes);
            Outcome split = decode(stream, RandomBoxes.chunkSizes(random, stream.length), maxKeys, maxBytes);
            bytewise.assertSame(whole);
            bytewise.assertSame(split);
            if (bytewise.error != null) {
                failures[0]++;
            }
        });
        assertTrue(failures[0] > 300 && failures[0] < 2700, "runs that failed: " + failures[0]);
    }

    @Test
    void aRepeatedKeyIsTheArrayOfTheBoxBefore() {
        byte[] one = encode("_ask", "1", "_command", "Sum", "a", "13", "b", "81");
        byte[] two = encode("_ask", "2", "_command", "Sum", "a", "14", "b", "82");
        List<Box> boxes = BoxDecoder.parse(WireBytes.concat(one, two));
        for (int i = 0; i < 4; i++) {
            assertSame(boxes.get(0).keyAt(i), boxes.get(1).keyAt(i));
        }
        assertSame(AmpKeys.ASK_KEY, boxes.get(1).keyAt(0));
        assertSame(AmpKeys.COMMAND_KEY, boxes.get(1).keyAt(1));
        assertTrue(boxes.get(1).isAscending());
    }

    @Test
    void aBoxThatRepeatsAKeyOutOfOrderIsNotMarkedInWireOrder() {
        // The second box has the first one's keys at their places, then "a" again: a duplicate.
        byte[] stream = WireBytes.concat(encode("a", "1", "b", "2"), WireBytes.box("a", "1", "b", "2", "a", "3"));
        List<Box> boxes = BoxDecoder.parse(stream);
        assertEquals(2, boxes.get(1).size());
        assertArrayEquals(new byte[] {'3'}, boxes.get(1).get("a"));
        assertTrue(boxes.get(1).isAscending());
        List<Box> reversed = BoxDecoder.parse(WireBytes.concat(encode("a", "1", "b", "2"), WireBytes.box("b", "2", "a", "1")));
        assertTrue(!reversed.get(1).isAscending());
        assertArrayEquals(encode("a", "1", "b", "2"), BoxEncoder.encode(reversed.get(1)));
    }

    /** What a decoder made of a stream: its boxes, and the error and its stream offset, if any. */
    private static final class Outcome {
        final List<Box> boxes = new ArrayList<>();
        RuntimeException error;
        long errorOffset = -1;

        void assertSame(Outcome other) {
            assertEquals(boxes, other.boxes);
            for (int i = 0; i < boxes.size(); i++) {
                assertArrayEquals(BoxEncoder.encode(boxes.get(i)), BoxEncoder.encode(other.boxes.get(i)));
            }
            assertEquals(error == null ? null : error.getClass(), other.error == null ? null : other.error.getClass());
            if (error != null) {
                assertEquals(error.getMessage(), other.error.getMessage());
                assertEquals(errorOffset, other.errorOffset, error.getMessage());
            }
        }
    }

    private static Outcome decode(byte[] stream, List<Integer> chunks, int maxKeys, int maxBytes) {
        Outcome outcome = new Outcome();
        BoxDecoder decoder = new BoxDecoder(maxKeys, maxBytes);
        int offset = 0;
        for (int size : chunks) {
            ByteBuffer chunk = ByteBuffer.wrap(stream, offset, size);
            try {
                decoder.feed(chunk, box -> {
                    assertEquals(inWireOrder(box), box.isAscending(), box::toString);
                    outcome.boxes.add(box);
                });
            } catch (TooLongException | ProtocolException e) {
                outcome.error = e;
                // Where the key prefix or value prefix that failed ends, or the value that was one key too many.
                outcome.errorOffset = chunk.position();
                return outcome;
            }
            offset += size;
        }
        return outcome;
    }

    private static boolean inWireOrder(Box box) {
        for (int i = 1; i < box.size(); i++) {
            if (Arrays.compareUnsigned(box.keyAt(i - 1), box.keyAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static List<Integer> ones(int length) {
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            sizes.add(1);
        }
        return sizes;
    }

    /** Boxes of a few shapes (so that keys repeat at their places), sometimes changed, sometimes mutated. */
    private static byte[] stream(Random random) {
        List<List<byte[]>> shapes = new ArrayList<>();
        for (int s = 1 + random.nextInt(3); s > 0; s--) {
            List<byte[]> keys = new ArrayList<>();
            for (int k = random.nextInt(7); k > 0; k--) {
                keys.add(random.nextInt(10) == 0 ? new byte[] {'_', 'a', 's', 'k'} : RandomBoxes.bytes(random, 1 + random.nextInt(10)));
            }
            if (random.nextBoolean()) {
                keys.sort(Arrays::compareUnsigned); // as Twisted sends them; duplicates stay
            }
            shapes.add(keys);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b = random.nextInt(8); b > 0; b--) {
            List<byte[]> keys = new ArrayList<>(shapes.get(random.nextInt(shapes.size())));
            switch (random.nextInt(6)) {
                case 0: if (!keys.isEmpty()) { keys.remove(random.nextInt(keys.size())); } break;
                case 1: keys.add(random.nextInt(keys.size() + 1), RandomBoxes.bytes(random, 1 + random.nextInt(4))); break;
                case 2: if (!keys.isEmpty()) { keys.add(keys.get(random.nextInt(keys.size()))); } break;
                default: break;
            }
            for (byte[] key : keys) {
                byte[] value = RandomBoxes.bytes(random, random.nextInt(5) == 0 ? random.nextInt(300) : random.nextInt(12));
                out.writeBytes(WireBytes.field(key));
                out.writeBytes(WireBytes.field(value));
            }
            out.write(0);
            out.write(0);
        }
        byte[] stream = out.toByteArray();
        for (int edits = random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0; edits > 0 && stream.length > 0; edits--) {
            int at = random.nextInt(stream.length);
            if (random.nextBoolean()) {
                stream[at] = (byte) random.nextInt(256);
            } else {
                stream = Arrays.copyOf(stream, at);
            }
        }
        return stream;
    }

    private static byte[] encode(String... keysAndValues) {
        return BoxEncoder.encode(TestBoxes.box(keysAndValues));
    }
}
