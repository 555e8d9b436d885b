package io.ampjava.wire;

import static io.ampjava.testing.WireBytes.ascii;
import static io.ampjava.testing.WireBytes.filled;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.testing.WireBytes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The incremental parser against Twisted's receive behaviour (spec §1.2, §1.4, §4.5). */
@Timeout(10)
class BoxDecoderTest {
    private final BoxDecoder decoder = new BoxDecoder();
    private final List<Box> received = new ArrayList<>();

    private void feed(byte[] bytes) {
        decoder.feed(ByteBuffer.wrap(bytes), received::add);
    }

    private void feed(String notation) {
        feed(WireBytes.of(notation));
    }

    @Test
    void parseStringGivesTwoBoxes() {
        List<Box> boxes = BoxDecoder.parse(WireBytes.of(
                "00 01 'k' 00 01 'v' 00 00 00 01 'K' 00 01 'w' 00 01 'k' 00 01 'x' 00 00"));
        assertEquals(List.of(new Box().put("k", "v"), new Box().put("K", "w").put("k", "x")), boxes);
    }

    @Test
    void goldenSumBoxDecodes() {
        List<Box> boxes = BoxDecoder.parse(WireBytes.of("00 01 'Z' 00 01 'z' 00 04 '_ask' 00 01 '1'"
                + " 00 08 '_command' 00 03 'Sum' 00 01 'a' 00 02 '13' 00 01 'b' 00 02 '81' 00 00"));
        assertEquals(
                List.of(new Box().put("a", "13").put("b", "81").put("_command", "Sum").put("_ask", "1").put("Z", "z")),
                boxes);
    }

    @Test
    void truncatedStreamGivesNoBox() {
        byte[] stream = WireBytes.of("00 01 'k' 00 02 'vv' 00 01 'K' 00 00 00 00");
        for (int length = 0; length < stream.length; length++) {
            assertEquals(List.of(), BoxDecoder.parse(java.util.Arrays.copyOf(stream, length)), "prefix of " + length);
        }
        assertEquals(1, BoxDecoder.parse(stream).size());
    }

    @Test
    void emptyValue() {
        feed("00 01 'k' 00 00 00 00");
        assertEquals(List.of(new Box().put("k", "")), received);
        assertArrayEquals(new byte[0], received.get(0).get("k"));
    }

    @Test
    void emptyBoxIsDeliveredAsAnEmptyBox() {
        // Twisted's parser delivers it too; refusing it is the dispatcher's job (NoEmptyBoxes).
        feed("00 00 00 00");
        assertEquals(List.of(new Box(), new Box()), received);
    }

    @Test
    void longestValueIsAccepted() {
        byte[] value = filled(65535, 'v');
        feed(WireBytes.concat(WireBytes.of("00 01 'k' ff ff"), value, WireBytes.of("00 00")));
        assertEquals(1, received.size());
        assertArrayEquals(value, received.get(0).get("k"));
    }

    @Test
    void longestKeyIsAccepted() {
        byte[] key = filled(255, 'k');
        feed(WireBytes.concat(WireBytes.of("00 ff"), key, WireBytes.of("00 01 'v' 00 00")));
        assertEquals(List.of(new Box().put(key, ascii("v"))), received);
    }

    @Test
    void keyPrefixOver255FailsAsSoonAsItsTwoBytesAreIn() {
        TooLongException e = assertThrows(TooLongException.class, () -> feed("01 00"));
        assertTrue(e.isKey());
        assertFalse(e.isLocal());
        assertEquals(256, e.length());
        assertNull(e.keyName());
    }

    @Test
    void keyPrefixSplitAcrossFeedsFailsOnItsSecondByte() {
        feed("01");
        assertThrows(TooLongException.class, () -> feed("00"));
        assertEquals(List.of(), received);
    }

    @Test
    void keyPrefixOver255FailsForALaterKey() {
        assertThrows(TooLongException.class, () -> feed("00 01 'a' 00 01 '1' ff ff"));
        BoxDecoder split = new BoxDecoder();
        split.feed(ByteBuffer.wrap(WireBytes.of("00 01 'a' 00 01 '1' 02")), received::add);
        assertThrows(TooLongException.class, () -> split.feed(ByteBuffer.wrap(WireBytes.of("00")), received::add));
    }

    @Test
    void keyPrefixOver255FailsForALaterBox() {
        TooLongException e = assertThrows(TooLongException.class, () -> feed("00 01 'a' 00 01 '1' 00 00 02 00"));
        assertEquals(512, e.length());
        assertEquals(List.of(new Box().put("a", "1")), received); // the complete box was still delivered
    }

    @Test
    void httpRequestFailsOnItsFirstTwoBytes() {
        TooLongException e = assertThrows(TooLongException.class, () -> feed(ascii("GE")));
        assertEquals(0x4745, e.length());
        BoxDecoder whole = new BoxDecoder();
        assertThrows(TooLongException.class,
                () -> whole.feed(ByteBuffer.wrap(ascii("GET / HTTP/1.1\r\nHost: x\r\n\r\n")), received::add));
        assertEquals(List.of(), received);
    }

    @Test
    void failedDecoderRefusesFurtherInput() {
        assertThrows(TooLongException.class, () -> feed("01 00"));
        ProtocolException e = assertThrows(ProtocolException.class, () -> feed("00 00"));
        assertTrue(e.getCause() instanceof TooLongException);
        assertEquals(List.of(), received);
    }

    @Test
    void duplicateKeysLastWins() {
        feed("00 01 'a' 00 01 '1' 00 01 'b' 00 01 '2' 00 01 'a' 00 01 '3' 00 00");
        Box box = received.get(0);
        assertEquals(2, box.size());
        assertArrayEquals(ascii("3"), box.get("a"));
    }

    @Test
    void valuesWithLineBreaksAndColonsRoundTrip() {
        // AMP is length-prefixed: nothing in a key or value is special, unlike a line protocol.
        Box box = new Box()
                .put("header: x", "a\r\nb: c\r\n\r\n")
                .put(ascii("\r\n"), WireBytes.of("00 00 00 00"))
                .put("k", "\n");
        feed(BoxEncoder.encode(box));
        assertEquals(List.of(box), received);
    }

    @Test
    void oneByteAtATimeGivesTheSameBoxes() {
        byte[] stream = WireBytes.of("00 01 'k' 00 01 'v' 00 00 00 01 'K' 00 01 'w' 00 01 'k' 00 00 00 00 00 00");
        for (byte b : stream) {
            feed(new byte[] {b});
        }
        assertEquals(BoxDecoder.parse(stream), received);
        assertEquals(3, received.size());
    }

    @Test
    void maxKeysLimitsDistinctKeysPerBox() {
        BoxDecoder limited = new BoxDecoder(3);
        limited.feed(ByteBuffer.wrap(WireBytes.of(
                "00 01 'a' 00 00 00 01 'b' 00 00 00 01 'c' 00 00 00 01 'a' 00 00 00 00")), received::add);
        assertEquals(1, received.size(), "a repeated key does not count twice");
        ProtocolException e = assertThrows(ProtocolException.class, () -> limited.feed(ByteBuffer.wrap(WireBytes.of(
                "00 01 'a' 00 00 00 01 'b' 00 00 00 01 'c' 00 00 00 01 'd' 00 00 00 00")), received::add));
        assertTrue(e.getMessage().contains("3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BoxDecoder(0));
    }

    @Test
    void stopLeavesTheRestOfTheBufferForTheCaller() {
        byte[] first = WireBytes.of("00 07 '_answer' 00 01 '1' 00 00");
        byte[] rest = WireBytes.concat(WireBytes.of("00 00"), ascii("raw bytes after"));
        ByteBuffer buffer = ByteBuffer.wrap(WireBytes.concat(first, rest));
        decoder.feed(buffer, box -> {
            received.add(box);
            decoder.stop();
        });
        assertEquals(List.of(new Box().put("_answer", "1")), received);
        assertEquals(first.length, buffer.position());
        assertTrue(decoder.isIdle());
        byte[] left = new byte[buffer.remaining()];
        buffer.get(left);
        assertArrayEquals(rest, left);
    }

    @Test
    void stopAppliesToOneFeedOnly() {
        decoder.feed(ByteBuffer.wrap(WireBytes.of("00 00 00 00")), box -> decoder.stop());
        feed("00 00 00 00");
        assertEquals(2, received.size());
    }

    @Test
    void anExceptionFromTheSinkLeavesTheDecoderUsable() {
        ByteBuffer buffer = ByteBuffer.wrap(WireBytes.of("00 01 'a' 00 00 00 00 00 01 'b' 00 00 00 00"));
        RuntimeException boom = new RuntimeException("boom");
        assertSame(boom, assertThrows(RuntimeException.class, () -> decoder.feed(buffer, box -> {
            throw boom;
        })));
        assertEquals(7, buffer.position());
        decoder.feed(buffer, received::add);
        assertEquals(List.of(new Box().put("b", "")), received);
    }

    @Test
    void isIdleOnlyBetweenBoxes() {
        assertTrue(decoder.isIdle());
        feed("00");
        assertFalse(decoder.isIdle());
        feed("01 'k' 00 01 'v'");
        assertFalse(decoder.isIdle());
        feed("00 00");
        assertTrue(decoder.isIdle());
    }

    @Test
    void lengthsAreBigEndianWhateverTheBuffersByteOrder() {
        byte[] stream = WireBytes.concat(WireBytes.of("00 01 'k' 01 00"), filled(256, 'v'), WireBytes.of("00 00"));
        decoder.feed(ByteBuffer.wrap(stream).order(ByteOrder.LITTLE_ENDIAN), received::add);
        assertArrayEquals(filled(256, 'v'), received.get(0).get("k"));
    }

    @Test
    void decodedValuesAreFreshArrays() {
        byte[] stream = WireBytes.of("00 01 'k' 00 01 'v' 00 00");
        feed(stream);
        stream[5] = 'x';
        assertArrayEquals(ascii("v"), received.get(0).get("k"));
    }
}
