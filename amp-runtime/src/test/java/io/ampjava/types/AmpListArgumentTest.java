package io.ampjava.types;

import static io.ampjava.types.TestRecords.DONT_REJECT_ME;
import static io.ampjava.types.TestRecords.ITEMS;
import static io.ampjava.types.TestRecords.OUTER;
import static io.ampjava.types.TestRecords.POINTS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.testing.WireBytes;
import io.ampjava.types.TestRecords.DontRejectMe;
import io.ampjava.types.TestRecords.Item;
import io.ampjava.types.TestRecords.Outer;
import io.ampjava.types.TestRecords.Point;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxDecoder;
import io.ampjava.wire.BoxEncoder;
import io.ampjava.wire.SeededRuns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** AmpList, with Twisted's vectors (spec §3.2 "AmpList", checklist 44). */
class AmpListArgumentTest {
    private static final ArgumentContext NONE = ArgumentContext.NONE;

    @Test
    void twoRecordsAreTwoSortedBoxes() {
        List<Item> items = List.of(new Item(7, "hello"), new Item(9, "goodbye"));
        byte[] wire = WireBytes.of("00 01 'a' 00 01 '7' 00 01 'b' 00 05 'hello' 00 00"
                + " 00 01 'a' 00 01 '9' 00 01 'b' 00 07 'goodbye' 00 00");
        assertArrayEquals(wire, ITEMS.toWire(items, NONE));
        assertEquals(items, ITEMS.fromWire(wire, NONE));
    }

    @Test
    void emptyListIsTheEmptyValue() {
        assertArrayEquals(new byte[0], ITEMS.toWire(List.of(), NONE));
        assertEquals(List.of(), ITEMS.fromWire(new byte[0], NONE));
    }

    @Test
    void absentOptionalFieldIsOmittedFromItsBox() {
        // Checked against Twisted: AmpList([(a, Integer()), (b, Unicode(optional=True))]).
        List<Item> items = List.of(new Item(1, null), new Item(2, "z"));
        byte[] wire = WireBytes.of("00 01 'a' 00 01 '1' 00 00 00 01 'a' 00 01 '2' 00 01 'b' 00 01 'z' 00 00");
        assertArrayEquals(wire, ITEMS.toWire(items, NONE));
        List<Item> back = ITEMS.fromWire(wire, NONE);
        assertEquals(items, back);
        assertNull(back.get(0).b());
    }

    @Test
    void nestedAmpList() {
        List<Outer> outer = List.of(new Outer(List.of(new Point(1), new Point(2))));
        byte[] wire = WireBytes.of("00 05 'inner' 00 10 00 01 'x' 00 01 '1' 00 00 00 01 'x' 00 01 '2' 00 00 00 00");
        AmpListArgument<Outer> outers = new AmpListArgument<>(OUTER);
        assertArrayEquals(wire, outers.toWire(outer, NONE));
        assertEquals(outer, outers.fromWire(wire, NONE));
    }

    @Test
    void tenElementResponse() {
        // The answer Twisted's test_bigAmpList expects: [{x: 1}] * 10.
        List<Point> points = Collections.nCopies(10, new Point(1));
        byte[] wire = WireBytes.of("00 01 'x' 00 01 '1' 00 00 ".repeat(10));
        assertArrayEquals(wire, POINTS.toWire(points, NONE));
        assertEquals(points, POINTS.fromWire(wire, NONE));
    }

    @Test
    void optionalAmpListArgumentOmittedOrPresent() {
        // Both boxes as Twisted's Command.makeArguments serializes them for the same schema.
        Box omitted = new Box();
        DONT_REJECT_ME.write(new DontRejectMe("please", null), omitted, NONE);
        assertArrayEquals(WireBytes.of("00 09 'magicWord' 00 06 'please' 00 00"), BoxEncoder.encode(omitted));
        assertNull(DONT_REJECT_ME.read(omitted, NONE).list());

        Box present = new Box();
        DONT_REJECT_ME.write(new DontRejectMe("please", List.of(new Item(1, "foo"))), present, NONE);
        assertArrayEquals(
                WireBytes.of("00 04 'list' 00 10 00 01 'a' 00 01 '1' 00 01 'b' 00 03 'foo' 00 00"
                        + " 00 09 'magicWord' 00 06 'please' 00 00"),
                BoxEncoder.encode(present));
        DontRejectMe back = DONT_REJECT_ME.read(BoxDecoder.parse(BoxEncoder.encode(present)).get(0), NONE);
        assertEquals(List.of(new Item(1, "foo")), back.list());
    }

    @Test
    void trailingPartialBoxIsIgnored() {
        byte[] wire = WireBytes.of("00 01 'x' 00 01 '1' 00 00 00 01 'x' 00 01");
        assertEquals(List.of(new Point(1)), POINTS.fromWire(wire, NONE));
    }

    @Test
    void strayEmptyBoxIsARecordWithItsRequiredFieldMissing() {
        byte[] wire = WireBytes.of("00 01 'x' 00 01 '1' 00 00 00 00");
        BadArgumentException e = assertThrows(BadArgumentException.class, () -> POINTS.fromWire(wire, NONE));
        assertTrue(e.getMessage().contains("element 1") && e.getMessage().contains("'x'"), e.getMessage());
    }

    @Test
    void extraKeysInARecordAreIgnored() {
        byte[] wire = WireBytes.of("00 01 'x' 00 01 '5' 00 05 'extra' 00 01 '?' 00 00");
        assertEquals(List.of(new Point(5)), POINTS.fromWire(wire, NONE));
    }

    @Test
    void brokenNestedFramingIsABadArgumentNotABrokenConnection() {
        byte[] wire = WireBytes.of("01 00 'x'");
        BadArgumentException e = assertThrows(BadArgumentException.class, () -> POINTS.fromWire(wire, NONE));
        assertTrue(e.getMessage().contains("not a sequence of boxes"), e.getMessage());
    }

    @Test
    void badFieldInANestedRecordNamesWhereItIs() {
        byte[] inner = WireBytes.of("00 01 'x' 00 01 '1' 00 00 00 01 'x' 00 03 '1.5' 00 00");
        Box outerBox = new Box().put("inner", inner);
        byte[] wire = BoxEncoder.encode(outerBox);
        BadArgumentException e = assertThrows(BadArgumentException.class,
                () -> new AmpListArgument<>(OUTER).fromWire(wire, NONE));
        assertTrue(e.getMessage().startsWith("AmpList element 0: AmpList element 1: not an AMP Integer"), e.getMessage());
    }

    @Test
    void nullRecordIsRefused() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> POINTS.toWire(Arrays.asList(new Point(1), null), NONE));
        assertTrue(e.getMessage().contains("element 1"), e.getMessage());
    }

    @Test
    void decodedListIsUnmodifiable() {
        List<Point> points = POINTS.fromWire(WireBytes.of("00 01 'x' 00 01 '1' 00 00"), NONE);
        assertThrows(UnsupportedOperationException.class, () -> points.add(new Point(2)));
    }

    @Test
    void randomNestedListsRoundTrip() {
        AmpListArgument<Outer> outers = new AmpListArgument<>(OUTER);
        SeededRuns.repeat(2718, 500, random -> {
            List<Item> items = new ArrayList<>();
            for (int n = random.nextInt(6); n > 0; n--) {
                items.add(new Item(IntegerArgumentsTest.randomInt(random),
                        random.nextBoolean() ? null : UnicodeArgumentTest.randomText(random, random.nextInt(10))));
            }
            assertEquals(items, ITEMS.fromWire(ITEMS.toWire(items, NONE), NONE));

            List<Outer> nested = new ArrayList<>();
            for (int n = random.nextInt(4); n > 0; n--) {
                nested.add(new Outer(randomPoints(random)));
            }
            assertEquals(nested, outers.fromWire(outers.toWire(nested, NONE), NONE));
        });
    }

    private static List<Point> randomPoints(Random random) {
        List<Point> points = new ArrayList<>();
        for (int n = random.nextInt(5); n > 0; n--) {
            points.add(new Point(IntegerArgumentsTest.randomInt(random)));
        }
        return points;
    }
}
