package io.ampjava.types;

import static io.ampjava.testing.WireBytes.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.testing.WireBytes;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxEncoder;
import io.ampjava.wire.SeededRuns;
import io.ampjava.wire.TooLongException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** ListOf, with the vectors of Twisted's ListOf*Tests (spec §3.2 "ListOf", checklist 41). */
class ListOfArgumentTest {
    private static final ArgumentContext NONE = ArgumentContext.NONE;

    private static <T> void assertVector(ArgumentType<T> element, List<T> values, String notation) {
        ListOfArgument<T> list = new ListOfArgument<>(element);
        byte[] wire = WireBytes.of(notation);
        assertEquals(WireBytes.hex(wire), WireBytes.hex(list.toWire(values, NONE)), values.toString());
        assertEquals(values, list.fromWire(wire, NONE), notation);
    }

    @Test
    void listOfStrings() {
        ListOfArgument<byte[]> list = new ListOfArgument<>(BytesArgument.INSTANCE);
        assertArrayEquals(new byte[0], list.toWire(List.of(), NONE));
        assertArrayEquals(WireBytes.of("00 03 'foo'"), list.toWire(List.of(ascii("foo")), NONE));
        byte[] multiple = WireBytes.of("00 03 'bar' 00 03 'baz' 00 04 'quux'");
        assertArrayEquals(multiple, list.toWire(List.of(ascii("bar"), ascii("baz"), ascii("quux")), NONE));
        List<byte[]> decoded = list.fromWire(multiple, NONE);
        assertEquals(3, decoded.size());
        assertArrayEquals(ascii("quux"), decoded.get(2));
        assertArrayEquals(WireBytes.of("00 00"), list.toWire(List.of(new byte[0]), NONE));
        assertArrayEquals(WireBytes.of("00 00 00 00"), list.toWire(List.of(new byte[0], new byte[0]), NONE));
        assertEquals(2, list.fromWire(WireBytes.of("00 00 00 00"), NONE).size());
        assertArrayEquals(new byte[0], list.fromWire(WireBytes.of("00 00"), NONE).get(0));
    }

    @Test
    void listOfIntegers() {
        assertVector(LongArgument.INSTANCE, List.of(), "");
        assertVector(LongArgument.INSTANCE, List.of(10L), "00 02 '10'");
        assertVector(LongArgument.INSTANCE, List.of(1L), "00 01 '1'");
        assertVector(IntArgument.INSTANCE, List.of(1, 20, 500), "00 01 '1' 00 02 '20' 00 03 '500'");
        assertVector(IntArgument.INSTANCE, List.of(-1), "00 02 '-1'");
        BigInteger nines = new BigInteger("9".repeat(58));
        BigInteger huge = nines.multiply(nines);
        assertVector(BigIntegerArgument.INSTANCE, List.of(huge), "00 74 '" + huge + "'");
    }

    @Test
    void listOfUnicode() {
        assertVector(UnicodeArgument.INSTANCE, List.of("foo"), "00 03 'foo'");
        assertVector(UnicodeArgument.INSTANCE, List.of("\u2603", "Hello", "world"),
                "00 03 e2 98 83 00 05 'Hello' 00 05 'world'");
    }

    @Test
    void listOfBooleans() {
        assertVector(BooleanArgument.INSTANCE, List.of(true, false), "00 04 'True' 00 05 'False'");
    }

    @Test
    void trailingIncompleteElementIsIgnoredLikeTwisted() {
        ListOfArgument<Integer> list = new ListOfArgument<>(IntArgument.INSTANCE);
        assertEquals(List.of(1), list.fromWire(WireBytes.of("00 01 '1' 00 05 'ab'"), NONE));
        assertEquals(List.of(), list.fromWire(WireBytes.of("00"), NONE));
        assertEquals(List.of(1), list.fromWire(WireBytes.of("00 01 '1' ff"), NONE));
    }

    @Test
    void emptyElementIsDecodedByTheElementType() {
        ListOfArgument<Integer> integers = new ListOfArgument<>(IntArgument.INSTANCE);
        BadArgumentException e = assertThrows(BadArgumentException.class,
                () -> integers.fromWire(WireBytes.of("00 01 '1' 00 00"), NONE));
        assertTrue(e.getMessage().startsWith("ListOf element 1: not an AMP Integer"), e.getMessage());
    }

    @Test
    void nullElementIsRefused() {
        ListOfArgument<String> list = new ListOfArgument<>(UnicodeArgument.INSTANCE);
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> list.toWire(Arrays.asList("a", null), NONE));
        assertTrue(e.getMessage().contains("element 1"), e.getMessage());
    }

    @Test
    void elementOver65535BytesIsRefused() {
        ListOfArgument<byte[]> list = new ListOfArgument<>(BytesArgument.INSTANCE);
        assertEquals(65537, list.toWire(List.of(new byte[65535]), NONE).length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> list.toWire(List.of(new byte[1], new byte[65536]), NONE));
        assertTrue(e.getMessage().contains("element 1") && e.getMessage().contains("65536"), e.getMessage());
    }

    @Test
    void wholeListStillHasToFitOneValue() {
        ListOfArgument<byte[]> list = new ListOfArgument<>(BytesArgument.INSTANCE);
        byte[] wire = list.toWire(List.of(new byte[40_000], new byte[40_000]), NONE);
        Box box = new Box().put("chunks", wire);
        TooLongException e = assertThrows(TooLongException.class, () -> BoxEncoder.encode(box));
        assertEquals("the value of key 'chunks' is 80004 bytes, over AMP's limit of 65535 bytes per value"
                + " (nothing was sent)", e.getMessage());
    }

    @Test
    void decodedListIsUnmodifiable() {
        List<Integer> decoded = new ListOfArgument<>(IntArgument.INSTANCE).fromWire(WireBytes.of("00 01 '1'"), NONE);
        assertThrows(UnsupportedOperationException.class, () -> decoded.add(2));
        assertThrows(UnsupportedOperationException.class, () -> decoded.set(0, 2));
    }

    @Test
    void anyListImplementationEncodes() {
        ListOfArgument<Integer> list = new ListOfArgument<>(IntArgument.INSTANCE);
        assertArrayEquals(WireBytes.of("00 01 '1' 00 01 '2'"), list.toWire(new LinkedList<>(List.of(1, 2)), NONE));
        assertSame(IntArgument.INSTANCE, list.elementType());
    }

    @Test
    void listOfListsNests() {
        ListOfArgument<List<Integer>> nested = new ListOfArgument<>(new ListOfArgument<>(IntArgument.INSTANCE));
        List<List<Integer>> value = List.of(List.of(1, 2), List.of(), List.of(3));
        byte[] wire = nested.toWire(value, NONE);
        assertArrayEquals(WireBytes.of("00 06 00 01 '1' 00 01 '2' 00 00 00 03 00 01 '3'"), wire);
        assertEquals(value, nested.fromWire(wire, NONE));
    }

    @Test
    void randomListsOfEveryElementTypeRoundTrip() {
        SeededRuns.repeat(314, 150, random -> {
            roundTrip(random, IntArgument.INSTANCE, IntegerArgumentsTest::randomInt);
            roundTrip(random, LongArgument.INSTANCE, IntegerArgumentsTest::randomLong);
            roundTrip(random, BigIntegerArgument.INSTANCE, r -> IntegerArgumentsTest.randomBigInteger(new Random(r.nextLong())));
            roundTrip(random, UnicodeArgument.INSTANCE, r -> UnicodeArgumentTest.randomText(r, r.nextInt(20)));
            roundTrip(random, BooleanArgument.INSTANCE, Random::nextBoolean);
            // byte[] has identity equality: compare through a list of hex strings.
            ListOfArgument<byte[]> bytes = new ListOfArgument<>(BytesArgument.INSTANCE);
            List<byte[]> values = randomList(random, r -> {
                byte[] b = new byte[r.nextInt(30)];
                r.nextBytes(b);
                return b;
            });
            List<byte[]> back = bytes.fromWire(bytes.toWire(values, NONE), NONE);
            assertEquals(hexes(values), hexes(back));
        });
    }

    private static <T> void roundTrip(Random random, ArgumentType<T> element, Function<Random, T> values) {
        ListOfArgument<T> list = new ListOfArgument<>(element);
        List<T> value = randomList(random, values);
        assertEquals(value, list.fromWire(list.toWire(value, NONE), NONE), "ListOf " + element);
        List<List<T>> nestedValue = List.of(value, value);
        ListOfArgument<List<T>> nested = new ListOfArgument<>(list);
        assertEquals(nestedValue, nested.fromWire(nested.toWire(nestedValue, NONE), NONE));
    }

    private static <T> List<T> randomList(Random random, Function<Random, T> values) {
        List<T> list = new ArrayList<>();
        for (int n = random.nextInt(8); n > 0; n--) {
            list.add(values.apply(random));
        }
        return list;
    }

    private static List<String> hexes(List<byte[]> values) {
        List<String> hexes = new ArrayList<>();
        values.forEach(v -> hexes.add(WireBytes.hex(v)));
        return hexes;
    }

    @Test
    void elementTypeIsRequired() {
        assertThrows(NullPointerException.class, () -> new ListOfArgument<>(null));
        assertFalse(new ListOfArgument<>(IntArgument.INSTANCE).fromWire(WireBytes.of("00 01 '7'"), NONE).isEmpty());
    }
}
