package io.ampjava.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ampjava.wire.Box;
import io.ampjava.wire.BoxDecoder;
import io.ampjava.wire.BoxEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The large-value scheme: its wire form, and every way a received value can break it. */
class LargeValueTest {
    private static final byte[] KEY = bytes("data");
    private static final int CHUNK = LargeValue.CHUNK_BYTES;

    @Test
    void aValueTravelsAsItsLengthAndFullChunksThenTheRest() {
        byte[] value = random(CHUNK + 4465, 1);
        Box box = new Box();
        LargeValue.put(box, KEY, value, ArgumentContext.NONE);

        assertEquals(3, box.size());
        assertArrayEquals(bytes("70000"), box.get("data"));
        assertArrayEquals(Arrays.copyOfRange(value, 0, CHUNK), box.get("data.0"));
        assertArrayEquals(Arrays.copyOfRange(value, CHUNK, value.length), box.get("data.1"));
    }

    @Test
    void anEmptyValueIsItsLengthAlone() {
        Box box = new Box();
        LargeValue.put(box, KEY, new byte[0], ArgumentContext.NONE);
        assertEquals(new Box().put("data", "0"), box);
        assertArrayEquals(new byte[0], LargeValue.get(box, KEY, ArgumentContext.NONE));
    }

    @Test
    void valuesOfEverySizeAroundTheChunkBoundariesComeBackWholeThroughTheWire() {
        for (int length : new int[] {1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 2 * CHUNK + 1, 10 << 20}) {
            byte[] value = random(length, length);
            Box box = new Box().put("other", "kept");
            LargeValue.put(box, KEY, value, ArgumentContext.NONE);
            assertEquals(LargeValue.chunkCount(length) + 2, box.size(), "chunks of " + length);
            Box received = decode(BoxEncoder.encode(box));
            assertArrayEquals(value, LargeValue.get(received, KEY, ArgumentContext.NONE), "a value of " + length + " bytes");
        }
    }

    @Test
    void anAbsentValueIsNull() {
        assertNull(LargeValue.get(new Box().put("data.0", "stray"), KEY, ArgumentContext.NONE));
    }

    @Test
    void aValueOverTheLimitIsNotSent() {
        Box box = new Box();
        LargeValueException refused = assertThrows(LargeValueException.class,
                () -> LargeValue.put(box, KEY, new byte[1001], limit(1000)));
        assertEquals("large value 'data' is 1001 bytes, over this connection's limit of 1000"
                + " (ConnectionOptions.maxLargeValueBytes); nothing was sent", refused.getMessage());
        assertEquals("data", refused.key());
        assertEquals(0, box.size());
    }

    @Test
    void aClaimOverTheLimitIsRefusedBeforeAnyChunkIsLookedAt() {
        Box box = new Box().put("data", "104857600");
        assertEquals("large value 'data' claims 104857600 bytes, over this connection's limit of 16777216"
                + " (ConnectionOptions.maxLargeValueBytes)", refuse(box, ArgumentContext.NONE));
        Box justOver = new Box();
        LargeValue.put(justOver, KEY, new byte[1001], ArgumentContext.NONE);
        assertEquals("large value 'data' claims 1001 bytes, over this connection's limit of 1000"
                + " (ConnectionOptions.maxLargeValueBytes)", refuse(justOver, limit(1000)));
    }

    @Test
    void aClaimWithinTheLimitCostsNothingUntilItsChunksAreThere() {
        // Were the value allocated before its chunks are checked, this would ask for 2 GB.
        Box box = new Box().put("data", "2000000000").put("data.0", new byte[CHUNK]);
        assertEquals("large value 'data' claims 2000000000 bytes in 30519 chunks, but chunk 1 (b'data.1') is missing",
                refuse(box, limit(Integer.MAX_VALUE)));
    }

    @Test
    void theLengthMustBeWrittenPlainly() {
        for (String header : new String[] {"", "+5", "-1", "007", " 7", "7 ", "1e3", "0x10", "99999999999"}) {
            Box box = new Box().put("data", header);
            assertEquals("large value 'data' has the length b'" + header + "', which is not a decimal number of bytes",
                    refuse(box, ArgumentContext.NONE), header);
        }
    }

    @Test
    void aMissingChunkIsNamed() {
        Box box = chunked(3 * CHUNK);
        box.remove("data.1");
        assertEquals("large value 'data' claims 196605 bytes in 3 chunks, but chunk 1 (b'data.1') is missing",
                refuse(box, ArgumentContext.NONE));
        Box last = chunked(3 * CHUNK);
        last.remove("data.2");
        assertEquals("large value 'data' claims 196605 bytes in 3 chunks, but chunk 2 (b'data.2') is missing",
                refuse(last, ArgumentContext.NONE));
    }

    @Test
    void chunksOutOfOrderShowAsAChunkOfTheWrongSize() {
        Box box = chunked(2 * CHUNK + 10);
        byte[] first = box.get("data.0");
        box.put("data.0", box.get("data.2"));
        box.put("data.2", first);
        assertEquals("large value 'data' has 10 bytes in chunk 0 of 3 where 65535 belong: chunks out of order, or cut",
                refuse(box, ArgumentContext.NONE));
    }

    @Test
    void aCutChunkIsRefused() {
        Box box = chunked(CHUNK + 10);
        box.put("data.1", new byte[9]);
        assertEquals("large value 'data' has 9 bytes in chunk 1 of 2 where 10 belong: chunks out of order, or cut",
                refuse(box, ArgumentContext.NONE));
    }

    @Test
    void keysUnderThePrefixThatAreNotItsChunksAreRefused() {
        for (String stray : new String[] {"data.2", "data.01", "data.x", "data.-1", "data.100000"}) {
            Box box = chunked(CHUNK + 10);
            box.put(stray, "?");
            assertEquals("large value 'data' has the key b'" + stray + "', which is not one of its 2 chunk keys"
                    + " (data.0 to data.1): chunk keys of another value mixed in", refuse(box, ArgumentContext.NONE), stray);
        }
        Box empty = new Box().put("data", "0").put("data.0", "");
        assertEquals("large value 'data' has the key b'data.0', which is not one of its 0 chunk keys"
                + " (none: the value is empty): chunk keys of another value mixed in", refuse(empty, ArgumentContext.NONE));
    }

    @Test
    void keysThatOnlyStartAlikeAreAnotherArgumentsBusiness() {
        Box box = chunked(10);
        box.put("data-size", "1").put("datum.0", "x").put("data.", "?");
        assertEquals(10, LargeValue.get(box, KEY, ArgumentContext.NONE).length);
    }

    @Test
    void theKeyLeavesRoomForTheLongestChunkSuffix() {
        byte[] longest = bytes("k".repeat(LargeValue.MAX_KEY_BYTES));
        Box box = new Box();
        LargeValue.put(box, longest, new byte[CHUNK + 1], ArgumentContext.NONE);
        BoxEncoder.encode(box);
        assertEquals(LargeValue.MAX_KEY_BYTES + 6, "k".repeat(LargeValue.MAX_KEY_BYTES).length() + ".32768".length());
        assertThrows(IllegalArgumentException.class,
                () -> LargeValue.put(new Box(), bytes("k".repeat(LargeValue.MAX_KEY_BYTES + 1)), new byte[1],
                        ArgumentContext.NONE));
    }

    @Test
    void theChunkCountOfTheLongestPossibleValueNeedsFiveDigits() {
        assertEquals(32_769, LargeValue.chunkCount(Integer.MAX_VALUE));
        assertEquals(0, LargeValue.chunkCount(0));
        assertEquals(1, LargeValue.chunkCount(CHUNK));
        assertEquals(2, LargeValue.chunkCount(CHUNK + 1));
    }

    private static String refuse(Box box, ArgumentContext context) {
        return assertThrows(LargeValueException.class, () -> LargeValue.get(box, KEY, context)).getMessage();
    }

    private static Box chunked(int length) {
        Box box = new Box();
        LargeValue.put(box, KEY, random(length, length), ArgumentContext.NONE);
        return box;
    }

    private static ArgumentContext limit(int bytes) {
        return new ArgumentContext() {
            @Override
            public int sendDescriptor(Descriptor descriptor) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Descriptor claimDescriptor(int ordinal) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int maxLargeValueBytes() {
                return bytes;
            }
        };
    }

    private static Box decode(byte[] wire) {
        List<Box> boxes = new ArrayList<>();
        new BoxDecoder(BoxDecoder.DEFAULT_MAX_KEYS, 64 << 20).feed(ByteBuffer.wrap(wire), boxes::add);
        assertEquals(1, boxes.size());
        return boxes.get(0);
    }

    private static byte[] random(int length, long seed) {
        byte[] value = new byte[length];
        new Random(seed).nextBytes(value);
        return value;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
