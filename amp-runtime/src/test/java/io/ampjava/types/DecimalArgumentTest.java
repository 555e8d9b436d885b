package io.ampjava.types;

import static io.ampjava.testing.WireBytes.latin1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class DecimalArgumentTest {
    private static final long SEED = 0xdec_0003L;

    private static String wire(AmpDecimal value) {
        return new String(AmpDecimalArgument.INSTANCE.toWire(value, ArgumentContext.NONE), StandardCharsets.US_ASCII);
    }

    private static String wire(BigDecimal value) {
        return new String(DecimalArgument.INSTANCE.toWire(value, ArgumentContext.NONE), StandardCharsets.US_ASCII);
    }

    private static AmpDecimal decode(String text) {
        return AmpDecimalArgument.INSTANCE.fromWire(latin1(text), ArgumentContext.NONE);
    }

    @Test
    void specVectors() {
        String[][] vectors = {
            {"1.10", "1.10"}, {"1E+2", "1E+2"}, {"100", "100"}, {"0.000001", "0.000001"}, {"0.0000001", "1E-7"},
            {"1.5E-9", "1.5E-9"}, {"0e6", "0E+6"}, {"1e1000", "1E+1000"}, {"3.141E5", "3.141E+5"},
            {"3.141e-5", "0.00003141"}, {"0E-7", "0E-7"}, {"0.000", "0.000"}, {"-1", "-1"}, {"12e-0", "12"},
            {"123456789012345678901234567890.123", "123456789012345678901234567890.123"},
        };
        for (String[] vector : vectors) {
            BigDecimal value = new BigDecimal(vector[0]);
            assertEquals(vector[1], wire(value), vector[0]);
            assertEquals(vector[1], wire(AmpDecimal.of(value)), vector[0]);
            assertEquals(value, DecimalArgument.INSTANCE.fromWire(latin1(vector[1]), ArgumentContext.NONE));
        }
        assertEquals("-0", wire(AmpDecimal.negativeZero()));
        assertEquals("-0.00", wire(AmpDecimal.of(new BigDecimal("0.00")).negate()));
        assertEquals("-0E+3", decode("-0E+3").toString());
        assertEquals("-0.0100", decode("-00.0100").toString());
    }

    @Test
    void twistedListOfDecimalVectors() {
        // ListOfDecimalTests and ListOfDecimalNanTests in Twisted's test_amp.py.
        Object[][] lists = {
            {new byte[0], new String[0]},
            {latin1("\u0000\u00031.1"), new String[] {"1.1"}},
            {latin1("\u0000\u0008Infinity\u0000\u0009-Infinity"), new String[] {"Infinity", "-Infinity"}},
            {latin1("\u0000\u00083.141E+5\u0000\n0.00003141\u0000\u00083.141E-7"
                    + "\u0000\u0009-3.141E+5\u0000\u000b-0.00003141\u0000\u0009-3.141E-7"),
                new String[] {"3.141E5", "3.141e-5", "3.141E-7", "-3.141e5", "-3.141E-5", "-3.141e-7"}},
            {latin1("\u0000\u00040E+6\u0000\u00061.5E-9"), new String[] {"0e6", "1.5E-9"}},
            {latin1("\u0000\u0003NaN\u0000\u0004-NaN\u0000\u0004sNaN\u0000\u0005-sNaN"),
                new String[] {"NaN", "-NaN", "sNaN", "-sNaN"}},
        };
        for (Object[] list : lists) {
            List<AmpDecimal> values = new ArrayList<>();
            for (String source : (String[]) list[1]) {
                values.add(AmpDecimal.parse(source));
            }
            ListOfArgument<AmpDecimal> listOf = new ListOfArgument<>(AmpDecimalArgument.INSTANCE);
            assertArrayEquals((byte[]) list[0], listOf.toWire(values, ArgumentContext.NONE));
            assertEquals(values, listOf.fromWire((byte[]) list[0], ArgumentContext.NONE));
            if (values.stream().allMatch(AmpDecimal::isFinite)) {
                List<BigDecimal> plain = new ArrayList<>();
                values.forEach(value -> plain.add(value.toBigDecimal()));
                ListOfArgument<BigDecimal> plainList = new ListOfArgument<>(DecimalArgument.INSTANCE);
                assertArrayEquals((byte[]) list[0], plainList.toWire(plain, ArgumentContext.NONE));
                assertEquals(plain, plainList.fromWire((byte[]) list[0], ArgumentContext.NONE));
            }
        }
        AmpDecimal minusSignalingNan = decode("-sNaN");
        assertTrue(minusSignalingNan.isNaN() && minusSignalingNan.isSignalingNaN() && minusSignalingNan.isNegative());
        AmpDecimal quietNan = decode("NaN");
        assertTrue(quietNan.isNaN() && !quietNan.isSignalingNaN() && !quietNan.isNegative());
        assertEquals(AmpDecimal.nan(), quietNan);
        assertEquals(AmpDecimal.infinity(true), decode("-Infinity"));
    }

    @Test
    void specialsAndPayloads() {
        String[][] vectors = {
            {"NaN123", "NaN123"}, {"NaN0123", "NaN123"}, {"NaN0", "NaN"}, {"nan", "NaN"}, {"-nan", "-NaN"},
            {"snan", "sNaN"}, {"SNAN0", "sNaN"}, {"-sNaN12", "-sNaN12"}, {"+sNaN", "sNaN"}, {"Inf", "Infinity"},
            {"-inf", "-Infinity"}, {"infinity", "Infinity"}, {"+Infinity", "Infinity"},
            {"NaN" + "9".repeat(40), "NaN" + "9".repeat(40)},
        };
        for (String[] vector : vectors) {
            assertEquals(vector[1], decode(vector[0]).toString(), vector[0]);
        }
        assertEquals(new BigInteger("123"), decode("-sNaN123").nanPayload());
        assertEquals("-sNaN7", AmpDecimal.nan(true, true, BigInteger.valueOf(7)).toString());
        assertEquals("Infinity", AmpDecimal.infinity(true).negate().toString());
        assertEquals("NaN", AmpDecimal.nan().negate().negate().toString());
        assertThrows(ArithmeticException.class, () -> AmpDecimal.nan().toBigDecimal());
        assertThrows(ArithmeticException.class, () -> AmpDecimal.infinity(false).toBigDecimal());
        assertThrows(ArithmeticException.class, () -> AmpDecimal.of(BigDecimal.ONE).nanPayload());
        assertThrows(IllegalArgumentException.class, () -> AmpDecimal.nan(false, false, BigInteger.valueOf(-1)));
    }

    @Test
    void equalityIsByRepresentation() {
        assertEquals(AmpDecimal.parse("1.10"), AmpDecimal.of(new BigDecimal("1.10")));
        assertEquals(AmpDecimal.parse("1.10").hashCode(), AmpDecimal.of(new BigDecimal("1.10")).hashCode());
        assertNotEquals(AmpDecimal.parse("1.1"), AmpDecimal.parse("1.10"));
        assertNotEquals(AmpDecimal.parse("0"), AmpDecimal.parse("-0"));
        assertEquals(AmpDecimal.parse("-0"), AmpDecimal.negativeZero());
        assertNotEquals(AmpDecimal.parse("NaN"), AmpDecimal.parse("sNaN"));
        assertNotEquals(AmpDecimal.parse("NaN1"), AmpDecimal.parse("NaN"));
        assertEquals(AmpDecimal.parse("NaN1"), AmpDecimal.parse(" nan01 "));
        assertFalse(AmpDecimal.parse("-0").toBigDecimal().signum() != 0);
    }

    @Test
    void bigDecimalArgumentMapsNegativeZeroAndRefusesSpecials() {
        assertEquals(BigDecimal.ZERO, DecimalArgument.INSTANCE.fromWire(latin1("-0"), ArgumentContext.NONE));
        assertEquals(new BigDecimal("0.00"), DecimalArgument.INSTANCE.fromWire(latin1("-0.00"), ArgumentContext.NONE));
        for (String special : new String[] {"Infinity", "-Infinity", "NaN", "-NaN", "sNaN", "NaN12"}) {
            BadArgumentException e = assertThrows(BadArgumentException.class,
                    () -> DecimalArgument.INSTANCE.fromWire(latin1(special), ArgumentContext.NONE));
            assertTrue(e.getMessage().contains("AmpDecimal"), e.getMessage());
        }
    }

    @Test
    void decodesWhatTheDecimalConstructorAccepts() {
        String[][] vectors = {
            {" 1.0 ", "1.0"}, {"\u001c1\u001f", "1"}, {"\u000b2\u000c", "2"}, {"1_000", "1000"}, {"1__0", "10"},
            {"_1", "1"}, {"1_", "1"}, {" _1_ ", "1"}, {"1_.5", "1.5"}, {"1e1_0", "1E+10"}, {"1e_1", "1E+1"},
            {"I_nf", "Infinity"}, {"N_a_N", "NaN"}, {"-_1", "-1"}, {"_-1", "-1"}, {"NaN1_2", "NaN12"}, {"1.", "1"},
            {".5", "0.5"}, {"+1", "1"}, {"1e0005", "1E+5"}, {"00100", "100"}, {"1.e1", "1E+1"},
            {"1E2147483648", "1E+2147483648"}, {"1E-2147483647", "1E-2147483647"}, {"12E2147483647", "1.2E+2147483648"},
        };
        for (String[] vector : vectors) {
            assertEquals(vector[1], decode(vector[0]).toString(), vector[0]);
        }
    }

    @Test
    void rejectsWhatTheDecimalConstructorRejects() {
        String[] rejected = {
            "", " ", "_", "__", ".", "e1", ".e1", "1e", "1e+", "1.5E", "1,5", "0x10", "1.0d", "abc", "infinit",
            "Infinity1", "sNaN1e2", "NaN-1", "NaN1.5", "+-1", "--1", "1e+-1", "1 0", "_ 1", "1 _", "1.0\u0000",
            "\u00a01", "١٢", "1.2.3", "--Infinity",
        };
        for (String text : rejected) {
            BadArgumentException e = assertThrows(BadArgumentException.class,
                    () -> AmpDecimalArgument.INSTANCE.fromWire(text.getBytes(StandardCharsets.UTF_8), ArgumentContext.NONE),
                    text);
            assertTrue(e.getMessage().contains("Decimal"), e.getMessage());
            assertThrows(BadArgumentException.class,
                    () -> DecimalArgument.INSTANCE.fromWire(text.getBytes(StandardCharsets.UTF_8), ArgumentContext.NONE));
            assertThrows(NumberFormatException.class, () -> AmpDecimal.parse(text));
        }
    }

    @Test
    void exponentsBeyondBigDecimalAreRejectedClearly() {
        for (String text : new String[] {"1E2147483649", "1E-2147483648", "1e999999999999999999", "0.1E-2147483647"}) {
            BadArgumentException e = assertThrows(BadArgumentException.class, () -> decode(text), text);
            assertTrue(e.getMessage().contains("out of range"), e.getMessage());
        }
    }

    private static AmpDecimal randomDecimal(Random random) {
        switch (random.nextInt(12)) {
            case 0:
                return AmpDecimal.infinity(random.nextBoolean());
            case 1:
                return AmpDecimal.nan(random.nextBoolean(), random.nextBoolean(),
                        random.nextBoolean() ? BigInteger.ZERO : new BigInteger(random.nextInt(80), random));
            case 2:
                return AmpDecimal.of(BigDecimal.ZERO.setScale(random.nextInt(40) - 20)).negate();
            default:
                BigInteger unscaled = new BigInteger(1 + random.nextInt(random.nextBoolean() ? 20 : 200), random);
                BigDecimal value = new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(),
                        random.nextInt(60) - 30 + (random.nextInt(20) == 0 ? random.nextInt(2_000_000) - 1_000_000 : 0));
                return AmpDecimal.of(value);
        }
    }

    @Test
    void decodeOfEncodeIsIdentity() {
        Random random = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            AmpDecimal value = randomDecimal(random);
            AmpDecimal back = AmpDecimalArgument.INSTANCE.fromWire(
                    AmpDecimalArgument.INSTANCE.toWire(value, ArgumentContext.NONE), ArgumentContext.NONE);
            assertEquals(value, back, () -> "seed " + SEED + ": " + value);
            if (value.isFinite() && !(value.isNegative() && value.toBigDecimal().signum() == 0)) {
                BigDecimal plain = value.toBigDecimal();
                assertEquals(plain, DecimalArgument.INSTANCE.fromWire(
                        DecimalArgument.INSTANCE.toWire(plain, ArgumentContext.NONE), ArgumentContext.NONE));
            }
        }
    }

    /** Our wire text is what Python's str() gives for the Decimal it reads, so it is canonical. */
    @Test
    void encodingMatchesPythonStrOfRandomDecimals() throws Exception {
        Random random = new Random(SEED + 1);
        List<String> ours = new ArrayList<>();
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        for (int i = 0; i < 20_000; i++) {
            String text = wire(randomDecimal(random));
            ours.add(text);
            input.writeBytes(latin1(text + "\n"));
        }
        List<String> python = PythonOracle.run(
                "import sys,decimal\n"
                        + "sys.stdout.write(''.join(str(decimal.Decimal(l))+'\\n'"
                        + " for l in open(sys.argv[1]).read().split('\\n')[:-1]))\n",
                input.toByteArray());
        assertEquals(ours, python, "seed " + (SEED + 1));
    }

    /** Random strings over the characters that matter, read by us and by Python's Decimal(). */
    @Test
    void acceptsAndRejectsExactlyLikePythonOnRandomStrings() throws Exception {
        String alphabet = "0123456789.eE+-_ \u001cinfatysINFATYSxd,";
        Random random = new Random(SEED + 2);
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(9);
            for (int j = 0; j < length; j++) {
                text.append(random.nextInt(3) == 0
                        ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : (char) ('0' + random.nextInt(10)));
            }
            inputs.add(text.toString());
        }
        for (String word : new String[] {"inf", "nan", "infinity", "snan", "nan12", "snan034"}) {
            for (int i = 0; i < 100; i++) {
                StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
                for (char c : word.toCharArray()) {
                    text.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
                    if (random.nextInt(8) == 0) {
                        text.append('_');
                    }
                }
                inputs.add(text + (random.nextInt(5) == 0 ? "x" : ""));
            }
        }
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        for (String text : inputs) {
            input.writeBytes(latin1(text + "\n"));
        }
        List<String> python = PythonOracle.run(
                "import sys,decimal\n"
                        + "out=[]\n"
                        + "for line in open(sys.argv[1],'rb').read().split(b'\\n')[:-1]:\n"
                        + "    try: out.append(str(decimal.Decimal(line.decode('ascii'))))\n"
                        + "    except decimal.InvalidOperation: out.append('ERR')\n"
                        + "sys.stdout.write(''.join(o+'\\n' for o in out))\n",
                input.toByteArray());
        assertEquals(inputs.size(), python.size());
        int valid = 0;
        for (int i = 0; i < inputs.size(); i++) {
            String ours;
            try {
                ours = decode(inputs.get(i)).toString();
                valid++;
            } catch (BadArgumentException e) {
                ours = "ERR";
            }
            assertEquals(python.get(i), ours, "seed " + (SEED + 2) + ", input '" + inputs.get(i) + "'");
        }
        assertTrue(valid > inputs.size() / 4, "too few valid inputs to mean anything: " + valid);
    }
}
