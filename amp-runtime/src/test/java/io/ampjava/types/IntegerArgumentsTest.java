package io.ampjava.types;

import static io.ampjava.testing.WireBytes.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.testing.WireBytes;
import io.ampjava.wire.SeededRuns;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** AMP Integer as int, long and BigInteger (spec §3.2 "Integer"). */
class IntegerArgumentsTest {
    private static final ArgumentContext NONE = ArgumentContext.NONE;

    @Test
    void encodesTwistedsVectors() {
        assertArrayEquals(ascii("0"), IntArgument.encode(0));
        assertArrayEquals(ascii("13"), IntArgument.encode(13));
        assertArrayEquals(ascii("-1"), IntArgument.encode(-1));
        assertArrayEquals(ascii("13"), LongArgument.encode(13));
        assertArrayEquals(ascii("-1"), LongArgument.encode(-1));
        assertArrayEquals(ascii("18446744073709551616"),
                BigIntegerArgument.INSTANCE.toWire(BigInteger.TWO.pow(64), NONE));
        assertArrayEquals(ascii("-1"), BigIntegerArgument.INSTANCE.toWire(BigInteger.ONE.negate(), NONE));
    }

    @Test
    void encodesTheExtremes() {
        assertArrayEquals(ascii("2147483647"), IntArgument.encode(Integer.MAX_VALUE));
        assertArrayEquals(ascii("-2147483648"), IntArgument.encode(Integer.MIN_VALUE));
        assertArrayEquals(ascii("9223372036854775807"), LongArgument.encode(Long.MAX_VALUE));
        assertArrayEquals(ascii("-9223372036854775808"), LongArgument.encode(Long.MIN_VALUE));
        for (long power = 1; power > 0 && power <= Long.MAX_VALUE / 10; power *= 10) { // digit-count edges
            for (long value : new long[] {power - 1, power, -power, -(power - 1)}) {
                assertArrayEquals(ascii(Long.toString(value)), LongArgument.encode(value), Long.toString(value));
            }
        }
    }

    @Test
    void decodesPlainDigits() {
        assertEquals(13, IntArgument.decode(ascii("13")));
        assertEquals(-1, IntArgument.decode(ascii("-1")));
        assertEquals(Integer.MIN_VALUE, IntArgument.decode(ascii("-2147483648")));
        assertEquals(Long.MAX_VALUE, LongArgument.decode(ascii("9223372036854775807")));
        assertEquals(Long.MIN_VALUE, LongArgument.decode(ascii("-9223372036854775808")));
        assertEquals(13, IntArgument.INSTANCE.fromWire(ascii("13"), NONE));
        assertEquals(13L, LongArgument.INSTANCE.fromWire(ascii("13"), NONE));
    }

    @Test
    void acceptsPythonsLenientForms() {
        // All of these are what Python's int() accepts from bytes, so what a Twisted responder takes.
        String[][] cases = {
            {" 13 ", "13"}, {"+5", "5"}, {"1_000", "1000"}, {"\t\n\u000b\f\r7\r\n", "7"}, {"-0", "0"},
            {"007", "7"}, {"0_0", "0"}, {"00_1", "1"}, {"-1_2_3", "-123"}, {" -42", "-42"},
            {"0000000000000000000000000000000013", "13"}, {"+2147483647", "2147483647"},
            {" -000000000000000000009223372036854775808 ", "-9223372036854775808"},
        };
        for (String[] c : cases) {
            long expected = Long.parseLong(c[1]);
            assertEquals(expected, LongArgument.decode(ascii(c[0])), c[0]);
            assertEquals(BigInteger.valueOf(expected), BigIntegerArgument.INSTANCE.fromWire(ascii(c[0]), NONE), c[0]);
            if (expected == (int) expected) {
                assertEquals((int) expected, IntArgument.decode(ascii(c[0])), c[0]);
            }
        }
        assertEquals(new BigInteger("-1000000000000000000000000"),
                BigIntegerArgument.INSTANCE.fromWire(ascii(" -1_000_000_000_000_000_000_000_000\n"), NONE));
    }

    @Test
    void rejectsWhatPythonRejects() {
        List<byte[]> bad = List.of(
                ascii(""), ascii("1.0"), ascii("0x10"), ascii("1__0"), ascii("_1"), ascii("1_"), ascii("+"), ascii("-"),
                ascii(" "), ascii("1 2"), ascii("- 1"), ascii("+-1"), ascii("--1"), ascii("+_1"), ascii("-_1"),
                ascii("1e3"), ascii("١"), WireBytes.of("1c '1'"), WireBytes.of("a0 '1'"), WireBytes.of("'1' 00"),
                WireBytes.of("00 '1'"), WireBytes.of("d9 a1"), ascii("one"), ascii("9".repeat(30) + "x"));
        for (byte[] wire : bad) {
            for (ArgumentType<?> type : List.of(IntArgument.INSTANCE, LongArgument.INSTANCE, BigIntegerArgument.INSTANCE)) {
                BadArgumentException e = assertThrows(BadArgumentException.class, () -> type.fromWire(wire, NONE),
                        WireBytes.hex(wire) + " as " + type);
                assertTrue(e.getMessage().startsWith("not an AMP Integer: b"), e.getMessage());
            }
        }
    }

    @Test
    void outOfRangeNamesTheValue() {
        String[] tooBigForInt = {"2147483648", "-2147483649", " +9_999_999_999 ", "9".repeat(40)};
        for (String text : tooBigForInt) {
            BadArgumentException e = assertThrows(BadArgumentException.class, () -> IntArgument.decode(ascii(text)));
            assertTrue(e.getMessage().contains(text) && e.getMessage().contains("int"), e.getMessage());
        }
        String[] tooBigForLong = {"9223372036854775808", "-9223372036854775809", "18446744073709551616", "1" + "0".repeat(100)};
        for (String text : tooBigForLong) {
            BadArgumentException e = assertThrows(BadArgumentException.class, () -> LongArgument.decode(ascii(text)));
            String named = text.length() <= 64 ? text : text.substring(0, 64) + "'... (" + text.length() + " bytes)";
            assertTrue(e.getMessage().contains(named) && e.getMessage().contains("long"), e.getMessage());
            assertEquals(new BigInteger(text), BigIntegerArgument.INSTANCE.fromWire(ascii(text), NONE));
        }
    }

    @Test
    void errorMessagesQuoteLongValuesShortened() {
        byte[] wire = ascii("x".repeat(60_000));
        BadArgumentException e = assertThrows(BadArgumentException.class, () -> LongArgument.decode(wire));
        assertTrue(e.getMessage().length() < 200 && e.getMessage().contains("60000 bytes"), e.getMessage());
    }

    @Test
    void hugeIntegerOfTwistedsListOfTest() {
        BigInteger nines = new BigInteger("9".repeat(58));
        BigInteger huge = nines.multiply(nines);
        byte[] wire = BigIntegerArgument.INSTANCE.toWire(huge, NONE);
        assertEquals(116, wire.length); // 0x74, the length byte in Twisted's vector
        assertArrayEquals(ascii("9".repeat(57) + "8" + "0".repeat(57) + "1"), wire);
        assertEquals(huge, BigIntegerArgument.INSTANCE.fromWire(wire, NONE));
    }

    @Test
    void moreThan4300DigitsAreRefusedBothWaysLikePython() {
        // Python counts leading zeros but not underscores, whitespace or the sign (checked on 3.11).
        String[] accepted = {"9".repeat(4300), "-" + "9".repeat(4300), " " + "1".repeat(4300) + "\n",
            "1_".repeat(2149) + "1" + "0".repeat(2150)};
        for (String text : accepted) {
            assertEquals(new BigInteger(text.strip().replace("_", "")),
                    BigIntegerArgument.INSTANCE.fromWire(ascii(text), NONE));
        }
        String[] refused = {"9".repeat(4301), "0".repeat(4301), "0".repeat(4300) + "1", "1_".repeat(4300) + "1",
            "7".repeat(65535)};
        for (String text : refused) {
            BadArgumentException e = assertThrows(BadArgumentException.class,
                    () -> BigIntegerArgument.INSTANCE.fromWire(ascii(text), NONE));
            assertTrue(e.getMessage().contains("4300-digit limit"), e.getMessage());
        }
        assertEquals(4300, BigIntegerArgument.INSTANCE.toWire(BigInteger.TEN.pow(4300).subtract(BigInteger.ONE), NONE).length);
        assertEquals(4301, BigIntegerArgument.INSTANCE.toWire(BigInteger.TEN.pow(4300).subtract(BigInteger.ONE).negate(), NONE).length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BigIntegerArgument.INSTANCE.toWire(BigInteger.TEN.pow(4300), NONE));
        assertTrue(e.getMessage().contains("4301 digits"), e.getMessage());
    }

    @Test
    void randomValuesRoundTripAndMatchJavasDecimalText() {
        SeededRuns.repeat(42, 2000, random -> {
            int i = randomInt(random);
            assertArrayEquals(ascii(Integer.toString(i)), IntArgument.encode(i));
            assertEquals(i, IntArgument.decode(IntArgument.encode(i)));
            long l = randomLong(random);
            assertArrayEquals(ascii(Long.toString(l)), LongArgument.encode(l));
            assertEquals(l, LongArgument.decode(LongArgument.encode(l)));
            BigInteger big = randomBigInteger(random);
            byte[] wire = BigIntegerArgument.INSTANCE.toWire(big, NONE);
            assertArrayEquals(ascii(big.toString()), wire);
            assertEquals(big, BigIntegerArgument.INSTANCE.fromWire(wire, NONE));
        });
    }

    @Test
    void randomLenientSpellingsDecodeToTheSameValue() {
        SeededRuns.repeat(4242, 2000, random -> {
            long value = randomLong(random);
            String lenient = lenientSpelling(random, value);
            assertEquals(value, LongArgument.decode(ascii(lenient)), lenient);
            assertEquals(BigInteger.valueOf(value), BigIntegerArgument.INSTANCE.fromWire(ascii(lenient), NONE), lenient);
        });
    }

    /** Python-valid text for {@code value}: whitespace around, maybe {@code +}, leading zeros, underscores. */
    static String lenientSpelling(Random random, long value) {
        String digits = Long.toString(value).replace("-", "");
        if (random.nextBoolean()) {
            digits = "0".repeat(random.nextInt(4)) + digits;
        }
        StringBuilder text = new StringBuilder();
        String space = " \t\n\u000b\f\r";
        for (int n = random.nextInt(3); n > 0; n--) {
            text.append(space.charAt(random.nextInt(space.length())));
        }
        text.append(value < 0 ? "-" : random.nextBoolean() ? "+" : "");
        for (int k = 0; k < digits.length(); k++) {
            if (k > 0 && random.nextInt(4) == 0) {
                text.append('_');
            }
            text.append(digits.charAt(k));
        }
        for (int n = random.nextInt(3); n > 0; n--) {
            text.append(space.charAt(random.nextInt(space.length())));
        }
        return text.toString();
    }

    static int randomInt(Random random) {
        switch (random.nextInt(4)) {
            case 0: return new int[] {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 9, 10, -10}[random.nextInt(8)];
            case 1: return random.nextInt(2001) - 1000;
            default: return random.nextInt();
        }
    }

    static long randomLong(Random random) {
        switch (random.nextInt(4)) {
            case 0: return new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, 999_999_999_999_999_999L,
                1_000_000_000_000_000_000L, -1_000_000_000_000_000_000L}[random.nextInt(7)];
            case 1: return random.nextLong() >> random.nextInt(64);
            default: return random.nextLong();
        }
    }

    static BigInteger randomBigInteger(Random random) {
        BigInteger magnitude = new BigInteger(random.nextInt(random.nextInt(10) == 0 ? 3000 : 200), random);
        return random.nextBoolean() ? magnitude.negate() : magnitude;
    }
}
