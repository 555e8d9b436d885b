package io.ampjava.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.testing.WireBytes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The decoder reads heap arrays in place and direct (or read-only) buffers through a staging array,
 * with long fields copied straight out of the buffer: every kind of buffer must give the same boxes
 * and leave the same position. Keys are interned; values never are.
 */
@Timeout(20)
class BoxDecoderBuffersTest {
    private static final List<Function<byte[], ByteBuffer>> KINDS = List.of(
            ByteBuffer::wrap,
            bytes -> ByteBuffer.allocateDirect(bytes.length).put(bytes).flip(),
            bytes -> ByteBuffer.wrap(bytes).asReadOnlyBuffer(),
            bytes -> {
                // A heap buffer whose array holds other bytes before and after (arrayOffset != 0).
                byte[] padded = new byte[bytes.length + 10];
                Arrays.fill(padded, (byte) 0x7f);
                System.arraycopy(bytes, 0, padded, 5, bytes.length);
                return ByteBuffer.wrap(padded, 5, bytes.length).slice();
            });

    @Test
    void everyKindOfBufferAndEverySplitGivesTheSameBoxes() {
        SeededRuns.repeat(31_000, 120, random -> {
            List<Box> boxes = RandomBoxes.boxes(random, 6);
            if (random.nextInt(4) == 0) {
                // A value longer than the staging array, so direct buffers fill it straight from the buffer.
                boxes.add(new Box().put("big", RandomBoxes.bytes(random, 4096 + random.nextInt(20_000))));
            }
            byte[] stream = RandomBoxes.stream(boxes);
            List<Integer> sizes = RandomBoxes.chunkSizes(random, stream.length);
            for (Function<byte[], ByteBuffer> kind : KINDS) {
                BoxDecoder decoder = new BoxDecoder();
                List<Box> received = new ArrayList<>();
                int offset = 0;
                for (int size : sizes) {
                    ByteBuffer chunk = kind.apply(Arrays.copyOfRange(stream, offset, offset + size));
                    decoder.feed(chunk, received::add);
                    assertEquals(0, chunk.remaining(), "the decoder consumes every byte it is given");
                    offset += size;
                }
                assertEquals(boxes, received);
                assertTrue(decoder.isIdle());
            }
        });
    }

    @Test
    void stopAndSinkFailuresLeaveThePositionJustPastTheBoxInEveryKindOfBuffer() {
        byte[] first = WireBytes.of("00 01 'a' 00 01 '1' 00 00");
        byte[] stream = WireBytes.concat(first, WireBytes.of("00 01 'b' 00 01 '2' 00 00 00 01 'c' 00 00 00 00"));
        for (Function<byte[], ByteBuffer> kind : KINDS) {
            BoxDecoder decoder = new BoxDecoder();
            ByteBuffer buffer = kind.apply(stream);
            List<Box> received = new ArrayList<>();
            decoder.feed(buffer, box -> {
                received.add(box);
                decoder.stop();
            });
            assertEquals(first.length, buffer.position());
            assertEquals(List.of(new Box().put("a", "1")), received);

            RuntimeException boom = new RuntimeException("boom");
            assertSame(boom, assertThrows(RuntimeException.class, () -> decoder.feed(buffer, box -> {
                received.add(box);
                throw boom;
            })));
            assertEquals(2 * first.length, buffer.position());
            decoder.feed(buffer, received::add);
            assertEquals(stream.length, buffer.position());
            assertEquals(List.of(new Box().put("a", "1"), new Box().put("b", "2"), new Box().put("c", "")), received);
        }
    }

    @Test
    void aBadKeyPrefixFailsInEveryKindOfBuffer() {
        for (Function<byte[], ByteBuffer> kind : KINDS) {
            BoxDecoder decoder = new BoxDecoder();
            List<Box> received = new ArrayList<>();
            assertThrows(TooLongException.class,
                    () -> decoder.feed(kind.apply(WireBytes.of("00 01 'a' 00 01 '1' 00 00 01 00")), received::add));
            assertEquals(List.of(new Box().put("a", "1")), received);
            assertThrows(ProtocolException.class, () -> decoder.feed(kind.apply(WireBytes.of("00 00")), received::add));
        }
    }

    @Test
    void oneKeyTooManyFailsWithThePositionPastThatValueInEveryKindOfBuffer() {
        // Two boxes first, so that the decoder has handed out boxes further into its input than the
        // failing read is long: the position it leaves must come from the failing read alone.
        byte[] earlier = WireBytes.of("00 01 'a' 00 01 '1' 00 01 'b' 00 01 '2' 00 00 00 01 'a' 00 01 '3' 00 00");
        byte[] tooMany = WireBytes.of("00 01 'a' 00 00 00 01 'b' 00 01 '2'");
        byte[] third = WireBytes.of("00 01 'c' 00 02 '33'");
        for (Function<byte[], ByteBuffer> kind : KINDS) {
            for (byte[] failing : List.of(WireBytes.concat(tooMany, third, WireBytes.of("00 00")), tooMany)) {
                BoxDecoder decoder = new BoxDecoder(2, Integer.MAX_VALUE);
                List<Box> received = new ArrayList<>();
                decoder.feed(kind.apply(earlier), received::add);
                assertEquals(2, received.size());
                ByteBuffer read = kind.apply(failing);
                if (failing == tooMany) {
                    decoder.feed(read, received::add); // the third key comes in a read of its own
                    read = kind.apply(third);
                }
                ByteBuffer failed = read;
                ProtocolException e = assertThrows(ProtocolException.class, () -> decoder.feed(failed, received::add));
                assertEquals("a box with more than 2 keys", e.getMessage());
                int pastThird = failing == tooMany ? third.length : tooMany.length + third.length;
                assertEquals(pastThird, failed.position(), "the value that was one key too many is consumed");
            }
        }
    }

    @Test
    void equalKeysAreOneArrayAndTheRoleKeysAreTheSharedConstants() {
        List<Box> boxes = BoxDecoder.parse(WireBytes.of("00 04 '_ask' 00 01 '1' 00 08 '_command' 00 03 'Sum'"
                + " 00 05 'total' 00 01 '1' 00 00 00 05 'total' 00 01 '2' 00 07 '_answer' 00 01 '1' 00 00"));
        assertSame(AmpKeys.ASK_KEY, boxes.get(0).keyAt(0));
        assertSame(AmpKeys.COMMAND_KEY, boxes.get(0).keyAt(1));
        assertSame(AmpKeys.ANSWER_KEY, boxes.get(1).keyAt(1));
        assertSame(boxes.get(0).keyAt(2), boxes.get(1).keyAt(0));
        assertNotSame(boxes.get(0).valueAt(0), boxes.get(1).valueAt(1), "values are never shared");
    }

    @Test
    void aKeySplitAcrossFeedsIsInternedToo() {
        BoxDecoder decoder = new BoxDecoder();
        List<Box> received = new ArrayList<>();
        decoder.feed(ByteBuffer.wrap(WireBytes.of("00 07 '_ans'")), received::add);
        decoder.feed(ByteBuffer.wrap(WireBytes.of("'wer' 00 01 '1' 00 00")), received::add);
        assertSame(AmpKeys.ANSWER_KEY, received.get(0).keyAt(0));
    }

    @Test
    void manyDistinctKeysStillDecodeCorrectly() {
        // More distinct keys than the key cache has slots: evictions must never mix two keys up.
        Random random = new Random(7);
        Box box = new Box();
        for (int i = 0; i < 500; i++) {
            box.put(("k" + i + "-" + random.nextInt(1000)).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    RandomBoxes.bytes(random, random.nextInt(5)));
        }
        byte[] stream = WireBytes.concat(BoxEncoder.encode(box), BoxEncoder.encode(box));
        List<Box> boxes = BoxDecoder.parse(stream);
        assertEquals(List.of(box, box), boxes);
        for (int i = 0; i < box.size(); i++) {
            assertArrayEquals(box.valueAt(i), boxes.get(1).get(box.keyAt(i)));
        }
    }
}
