package io.ampjava.types;

import static io.ampjava.testing.WireBytes.latin1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class FloatArgumentTest {
    private static final long SEED = 0xf10a7_0002L;

    @Test
    void encodesThroughTheArgumentInterface() {
        assertArrayEquals(latin1("1.234"), FloatArgument.INSTANCE.toWire(1.234, ArgumentContext.NONE));
        assertArrayEquals(latin1("1e-05"), FloatArgument.encode(1e-5));
        assertEquals(1.234, FloatArgument.INSTANCE.fromWire(latin1("1.234"), ArgumentContext.NONE));
    }

    @Test
    void decodesWhatPythonFloatAccepts() {
        Object[][] accepted = {
            {" 1.5 ", 1.5}, {"\u000b1.5\u000c", 1.5}, {"\t\n1\r", 1.0}, {"1_0.5", 10.5}, {"1e1_0", 1e10},
            {"+.5", 0.5}, {"-.5e-3", -0.0005}, {"1.", 1.0}, {"1e5", 1e5}, {"1E+5", 1e5}, {"00012.5", 12.5},
            {"Infinity", Double.POSITIVE_INFINITY}, {"-iNfInItY", Double.NEGATIVE_INFINITY},
            {"inf", Double.POSITIVE_INFINITY}, {"Inf", Double.POSITIVE_INFINITY}, {"-inf", Double.NEGATIVE_INFINITY},
            {"+nan", Double.NaN}, {"-nan", Double.NaN}, {"NaN", Double.NaN}, {"1e500", Double.POSITIVE_INFINITY},
            {"1e-500", 0.0}, {"-0.0", -0.0}, {"-0", -0.0}, {"5e-324", Double.MIN_VALUE},
            {"1e99999999999999999999", Double.POSITIVE_INFINITY}, {"0e99999999999999999999", 0.0},
            {"123456789.123", 123456789.123}, {"2.2250738585072011e-308", 2.225073858507201e-308},
        };
        for (Object[] vector : accepted) {
            double expected = (Double) vector[1];
            double actual = FloatArgument.decode(latin1((String) vector[0]));
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual), (String) vector[0]);
        }
    }

    @Test
    void rejectsWhatPythonFloatRejects() {
        String[] rejected = {
            "", " ", ".", "e5", "1e", "1e+", "1,5", "0x1p3", "0x10", "1.0d", "1.0f", "1.0D", "1_.5", "1._5",
            "_1", "1__0", "1_", "1.5_", "1_e5", "1e_5", "1e+_5", "infinit", "infinityy", "nan(1)", "in f",
            "1 0", "++1", "+-1", "- 1", "\u00a01.5", "1.5\u0000", "١", "NaN1", "1e5.0", "1.2.3", "∞",
        };
        for (String text : rejected) {
            BadArgumentException e = assertThrows(BadArgumentException.class,
                    () -> FloatArgument.decode(text.getBytes(StandardCharsets.UTF_8)), text);
            assertTrue(e.getMessage().contains("Float"), e.getMessage());
        }
    }

    @Test
    void decodeOfEncodeIsIdentityForRandomDoubles() {
        Random random = new Random(SEED);
        for (int i = 0; i < 50_000; i++) {
            double value = i % 2 == 0
                    ? Double.longBitsToDouble(random.nextLong())
                    : random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
            double back = FloatArgument.INSTANCE.fromWire(FloatArgument.INSTANCE.toWire(value, ArgumentContext.NONE),
                    ArgumentContext.NONE);
            if (Double.isNaN(value) ? !Double.isNaN(back) : Double.doubleToRawLongBits(value) != Double.doubleToRawLongBits(back)) {
                fail("seed " + SEED + ": " + value + " came back as " + back);
            }
        }
    }

    /** Random strings over the characters that matter, parsed by us and by Python's float(). */
    @Test
    void acceptsAndRejectsExactlyLikePythonOnRandomStrings() throws Exception {
        String alphabet = "0123456789.eE+-_ \tinfatyINFATYxd,";
        Random random = new Random(SEED + 1);
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(9);
            for (int j = 0; j < length; j++) {
                // Mostly digits, so that many strings are valid numbers.
                text.append(random.nextInt(3) == 0
                        ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : (char) ('0' + random.nextInt(10)));
            }
            inputs.add(text.toString());
        }
        for (String word : new String[] {"inf", "nan", "infinity"}) {
            for (int i = 0; i < 200; i++) {
                StringBuilder text = new StringBuilder();
                for (char c : word.toCharArray()) {
                    text.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
                }
                inputs.add((random.nextBoolean() ? "-" : "") + text + (random.nextInt(5) == 0 ? "x" : ""));
            }
        }
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        for (String text : inputs) {
            input.write(latin1(text + "\n"));
        }
        List<String> python = PythonOracle.run(
                "import sys\n"
                        + "out=[]\n"
                        + "for line in open(sys.argv[1],'rb').read().split(b'\\n')[:-1]:\n"
                        + "    try: out.append(repr(float(line)))\n"
                        + "    except ValueError: out.append('ERR')\n"
                        + "sys.stdout.write(''.join(o+'\\n' for o in out))\n",
                input.toByteArray());
        assertEquals(inputs.size(), python.size());
        int valid = 0;
        for (int i = 0; i < inputs.size(); i++) {
            String ours;
            try {
                ours = PythonFloatFormat.format(FloatArgument.decode(latin1(inputs.get(i))));
                valid++;
            } catch (BadArgumentException e) {
                ours = "ERR";
            }
            assertEquals(python.get(i), ours, "seed " + (SEED + 1) + ", input '" + inputs.get(i) + "'");
        }
        assertTrue(valid > inputs.size() / 4, "too few valid inputs to mean anything: " + valid);
    }
}
