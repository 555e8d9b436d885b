package io.ampjava.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ampjava.wire.AmpKeys;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxDecoder;
import io.ampjava.wire.BoxEncoder;
import io.ampjava.wire.ProtocolException;
import io.ampjava.wire.TooLongException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The box decoder fed arbitrary bytes, whole and cut into arbitrary pieces. Allowed: boxes, then
 * possibly one {@link ProtocolException} or {@link TooLongException}; nothing else. The pieces give
 * exactly what the whole stream gives, every box respects the wire limits, and every box survives
 * an encode/decode round trip.
 */
class BoxDecoderFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void decodeInPieces(FuzzedDataProvider data) {
        int maxKeys = data.consumeBoolean() ? BoxDecoder.DEFAULT_MAX_KEYS : data.consumeInt(1, 8);
        int maxPiece = data.consumeInt(1, 300);
        long seed = data.consumeLong();
        byte[] stream = data.consumeRemainingAsBytes();

        Outcome whole = decode(stream, maxKeys, new int[] {stream.length});
        Outcome pieces = decode(stream, maxKeys, pieces(stream.length, maxPiece, new Random(seed)));
        assertEquals(whole.boxes, pieces.boxes, "cutting the stream changed the boxes");
        assertEquals(whole.failure, pieces.failure, "cutting the stream changed the failure");

        for (Box box : whole.boxes) {
            assertTrue(box.size() <= maxKeys, "a box over the key limit came through");
            for (int i = 0; i < box.size(); i++) {
                int keyLength = box.keyAt(i).length;
                assertTrue(keyLength >= 1 && keyLength <= AmpKeys.MAX_KEY_LENGTH, "key length " + keyLength);
                assertTrue(box.valueAt(i).length <= AmpKeys.MAX_VALUE_LENGTH);
            }
            assertEquals(List.of(box), BoxDecoder.parse(BoxEncoder.encode(box)), "round trip");
        }
    }

    /** The boxes decoded and the class of the failure that ended decoding, if any. */
    private record Outcome(List<Box> boxes, Class<?> failure) {}

    private static Outcome decode(byte[] stream, int maxKeys, int[] pieces) {
        BoxDecoder decoder = new BoxDecoder(maxKeys);
        List<Box> boxes = new ArrayList<>();
        int offset = 0;
        try {
            for (int piece : pieces) {
                ByteBuffer buffer = ByteBuffer.wrap(stream, offset, piece);
                decoder.feed(buffer, boxes::add);
                assertEquals(0, buffer.remaining(), "the decoder left bytes unread");
                offset += piece;
            }
        } catch (ProtocolException | TooLongException refused) {
            return new Outcome(boxes, refused.getClass());
        }
        return new Outcome(boxes, null);
    }

    private static int[] pieces(int length, int maxPiece, Random random) {
        List<Integer> sizes = new ArrayList<>();
        for (int left = length; left > 0; ) {
            int size = Math.min(left, 1 + random.nextInt(maxPiece));
            sizes.add(size);
            left -= size;
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }
}
