package io.ampjava.types;

import static io.ampjava.testing.WireBytes.latin1;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class DateTimeArgumentTest {
    private static final long SEED = 0xda7e_0004L;

    private static String wire(OffsetDateTime value) {
        return new String(DateTimeArgument.INSTANCE.toWire(value, ArgumentContext.NONE), StandardCharsets.US_ASCII);
    }

    private static OffsetDateTime decode(String text) {
        return DateTimeArgument.INSTANCE.fromWire(latin1(text), ArgumentContext.NONE);
    }

    private static OffsetDateTime at(int offsetSeconds) {
        return OffsetDateTime.of(2010, 12, 25, 0, 0, 0, 0, ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    @Test
    void specVectors() {
        assertEquals("2010-12-25T00:00:00.000000-00:00", wire(at(0)));
        assertEquals("2010-12-25T01:02:03.000004+05:30",
                wire(OffsetDateTime.of(2010, 12, 25, 1, 2, 3, 4000, ZoneOffset.ofHoursMinutes(5, 30))));
        assertEquals("0001-01-01T00:00:00.000000-00:00",
                wire(OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
        OffsetDateTime twisted = OffsetDateTime.of(9876, 1, 23, 12, 34, 56, 54_321_000, ZoneOffset.ofHoursMinutes(-1, -23));
        assertEquals("9876-01-23T12:34:56.054321-01:23", wire(twisted));
        assertEquals(twisted, decode("9876-01-23T12:34:56.054321-01:23"));
        assertEquals(32, DateTimeArgument.encode(twisted).length);
    }

    @Test
    void twistedListOfDateTimeVectors() {
        // ListOfDateTimeTests in Twisted's test_amp.py: each element is 00 20 then the 32 bytes.
        Object[][] vectors = {
            {"2010-12-25T00:00:00.000000-00:00", 0}, {"2010-12-25T00:00:00.000000+01:00", 3600},
            {"2010-12-25T00:00:00.000000+03:30", 12600}, {"2010-12-25T00:00:00.000000-05:00", -18000},
            {"2010-12-25T00:00:00.000000+03:19", 11940}, {"2010-12-25T00:00:00.000000-06:59", -25140},
        };
        for (Object[] vector : vectors) {
            OffsetDateTime value = at((Integer) vector[1]);
            assertEquals(vector[0], wire(value));
            assertEquals(value, decode((String) vector[0]));
        }
        assertEquals(ZoneOffset.UTC, decode("2010-12-25T00:00:00.000000+00:00").getOffset());
        assertEquals(ZoneOffset.UTC, decode("2010-12-25T00:00:00.000000-00:00").getOffset());
    }

    @Test
    void subMinuteOffsetsAreFlooredAndNanosTruncated() {
        assertEquals("2010-12-25T00:00:00.000000+00:01", wire(at(90)));
        assertEquals("2010-12-25T00:00:00.000000-00:02", wire(at(-90)));
        assertEquals("2010-12-25T00:00:00.000000-00:01", wire(at(-1)));
        assertEquals("2010-12-25T00:00:00.000000-00:00", wire(at(59)));
        assertEquals("2010-12-25T00:00:00.000000+00:01", wire(at(60)));
        assertEquals("2010-12-25T00:00:00.000000+18:00", wire(at(18 * 3600)));
        assertEquals("2010-12-25T00:00:00.000000-18:00", wire(at(-18 * 3600)));
        assertEquals("2010-12-25T00:00:00.999999-00:00",
                wire(OffsetDateTime.of(2010, 12, 25, 0, 0, 0, 999_999_999, ZoneOffset.UTC)));
    }

    @Test
    void refusesYearsPythonCannotHold() {
        for (int year : new int[] {0, -1, 10000, 999_999_999}) {
            OffsetDateTime value = OffsetDateTime.of(year, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DateTimeArgument.encode(value));
            assertTrue(e.getMessage().contains("1..9999"), e.getMessage());
        }
    }

    @Test
    void decodesLikeTwisted() {
        // The separators are not checked, fields are read like int(), minutes may exceed 59.
        assertEquals(at(0), decode("2010/12/25 00:00:00.000000+00:00"));
        assertEquals(OffsetDateTime.of(2010, 1, 25, 0, 0, 0, 0, ZoneOffset.UTC), decode("2010- 1-25T00:00:00.000000+00:00"));
        assertEquals(OffsetDateTime.of(2010, 12, 25, 0, 0, 0, 1000, ZoneOffset.UTC), decode("2010-12-25T00:00:00.+00001+00:00"));
        assertEquals(at(5400), decode("2010-12-25T00:00:00.000000+00:90"));
        assertEquals(at(-3600), decode("2010-12-25T00:00:00.000000+-1:00"));
        assertEquals(at(3600), decode("2010-12-25T00:00:00.000000--1:00"));
        assertEquals(at(0), decode("2_10-12-25T00:00:00.000000+00:00").withYear(2010));
        assertEquals(210, decode("2_10-12-25T00:00:00.000000+00:00").getYear());
        assertEquals(at(18 * 3600), decode("2010-12-25T00:00:00.000000+18:00"));
    }

    @Test
    void rejectsWhatTwistedRejects() {
        String[] rejected = {
            "abc", "", "2010-12-25T00:00:00.000000+00:0", "2010-12-25T00:00:00.000000+00:000",
            "2010-12-25T00:00:00.000000Z00:00", "2010-12-25T00:00:00.000000?00:00",
            "2010-12-25T00:00:00.000000+24:00", "2010-12-25T00:00:00.000000-23:99",
            "0000-12-25T00:00:00.000000+00:00", "2010-12-25T00:00:60.000000+00:00", "2010-12-25T24:00:00.000000+00:00",
            "2010-02-30T00:00:00.000000+00:00", "2010-13-25T00:00:00.000000+00:00", "2010-00-25T00:00:00.000000+00:00",
            "2010-12-25T00:60:00.000000+00:00", "2010-12-25T00:00:00.00000_+00:00", "2010-12-25T00:00:00.-00001+00:00",
            "2010-12-25T00:00:00.0000 0+00:00", "201x-12-25T00:00:00.000000+00:00", "2010-12-25T00:00:00.000000+  :00",
            "2010-12-25T00:00:00.000000+1_:00", "2010-12-25T00:00:00.000000+_1:00",
        };
        for (String text : rejected) {
            BadArgumentException e = assertThrows(BadArgumentException.class, () -> decode(text), text);
            assertTrue(e.getMessage().contains("DateTime"), e.getMessage());
        }
        byte[] nonAscii = latin1("2010-12-25T00:00:00.000000+00:00");
        nonAscii[4] = (byte) 0xff;
        assertThrows(BadArgumentException.class, () -> DateTimeArgument.decode(nonAscii));
    }

    @Test
    void rejectsOffsetsPythonAcceptsButZoneOffsetCannotHold() {
        BadArgumentException e = assertThrows(BadArgumentException.class,
                () -> decode("2010-12-25T00:00:00.000000+18:01"));
        assertTrue(e.getMessage().contains("ZoneOffset"), e.getMessage());
    }

    private static OffsetDateTime randomDateTime(Random random, boolean wholeMinutes) {
        LocalDateTime local = LocalDateTime.of(1 + random.nextInt(9999), 1 + random.nextInt(12), 1, 0, 0)
                .plusDays(random.nextInt(28))
                .plusSeconds(random.nextInt(86400))
                .withNano(random.nextInt(1_000_000_000));
        int offset = random.nextInt(18 * 3600 * 2 + 1) - 18 * 3600;
        if (wholeMinutes) {
            offset -= Math.floorMod(offset, 60);
        }
        return OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(offset));
    }

    @Test
    void decodeOfEncodeIsIdentityUpToMicroseconds() {
        Random random = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            OffsetDateTime value = randomDateTime(random, true);
            OffsetDateTime back = decode(wire(value));
            assertEquals(value.withNano(value.getNano() / 1000 * 1000), back, "seed " + SEED);
        }
    }

    /**
     * Random date-times with any offset in seconds: real Twisted's DateTime.toString of the same
     * value gives our bytes, and its fromString of our bytes gives the same fields back.
     */
    @Test
    void encodingMatchesTwisted() throws Exception {
        Random random = new Random(SEED + 1);
        List<OffsetDateTime> values = new ArrayList<>();
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        for (int i = 0; i < 5_000; i++) {
            OffsetDateTime value = randomDateTime(random, random.nextBoolean());
            values.add(value);
            input.writeBytes(latin1(value.getYear() + " " + value.getMonthValue() + " " + value.getDayOfMonth() + " "
                    + value.getHour() + " " + value.getMinute() + " " + value.getSecond() + " "
                    + value.getNano() / 1000 + " " + value.getOffset().getTotalSeconds() + "\n"));
        }
        List<String> python = PythonOracle.run(
                "import sys,datetime\n"
                        + "from twisted.protocols import amp\n"
                        + "arg=amp.DateTime()\n"
                        + "out=[]\n"
                        + "for line in open(sys.argv[1]).read().split('\\n')[:-1]:\n"
                        + "    f=[int(x) for x in line.split()]\n"
                        + "    tz=datetime.timezone(datetime.timedelta(seconds=f[7]))\n"
                        + "    s=arg.toString(datetime.datetime(*f[:7],tzinfo=tz))\n"
                        + "    back=arg.fromString(s)\n"
                        + "    assert back.replace(tzinfo=None)==datetime.datetime(*f[:7]), line\n"
                        + "    out.append(s.decode('ascii'))\n"
                        + "sys.stdout.write(''.join(o+'\\n' for o in out))\n",
                input.toByteArray());
        assertEquals(values.size(), python.size());
        for (int i = 0; i < values.size(); i++) {
            assertEquals(python.get(i), wire(values.get(i)), "seed " + (SEED + 1) + ": " + values.get(i));
        }
    }

    /** Valid strings with a byte or two changed: Twisted's fromString and ours agree. */
    @Test
    void decodingAgreesWithTwistedOnMutatedStrings() throws Exception {
        Random random = new Random(SEED + 2);
        String alphabet = "0123456789 +-_:.TZ";
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            char[] text = wire(randomDateTime(random, true)).toCharArray();
            int changes = 1 + random.nextInt(2);
            for (int j = 0; j < changes; j++) {
                text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            inputs.add(new String(text));
        }
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        for (String text : inputs) {
            input.writeBytes(latin1(text + "\n"));
        }
        List<String> python = PythonOracle.run(
                "import sys\n"
                        + "from twisted.protocols import amp\n"
                        + "arg=amp.DateTime()\n"
                        + "out=[]\n"
                        + "for line in open(sys.argv[1],'rb').read().split(b'\\n')[:-1]:\n"
                        + "    try:\n"
                        + "        v=arg.fromString(line)\n"
                        + "        out.append(v.replace(tzinfo=None).isoformat()+' '+str(int(v.utcoffset().total_seconds())))\n"
                        + "    except ValueError: out.append('ERR')\n"
                        + "sys.stdout.write(''.join(o+'\\n' for o in out))\n",
                input.toByteArray());
        assertEquals(inputs.size(), python.size());
        int valid = 0;
        for (int i = 0; i < inputs.size(); i++) {
            String expected = python.get(i);
            String ours;
            try {
                OffsetDateTime value = decode(inputs.get(i));
                ours = value.toLocalDateTime().format(java.time.format.DateTimeFormatter.ofPattern(
                        value.getNano() == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.SSSSSS"))
                        + " " + value.getOffset().getTotalSeconds();
                valid++;
            } catch (BadArgumentException e) {
                ours = e.getMessage().contains("ZoneOffset") ? expected : "ERR";
            }
            assertEquals(expected, ours, "seed " + (SEED + 2) + ", input '" + inputs.get(i) + "'");
        }
        assertTrue(valid > inputs.size() / 4, "too few valid inputs to mean anything: " + valid);
    }

    @Test
    void twistedListOfDateTimeFraming() {
        // "christmas" in ListOfDateTimeTests: UTC and +00:00 both encode as -00:00.
        ListOfArgument<OffsetDateTime> listOf = new ListOfArgument<>(DateTimeArgument.INSTANCE);
        byte[] expected = latin1("\u0000\u00202010-12-25T00:00:00.000000-00:00\u0000\u00202010-12-25T00:00:00.000000-00:00");
        assertArrayEquals(expected, listOf.toWire(List.of(at(0), at(0).withOffsetSameLocal(ZoneOffset.ofHours(0))),
                ArgumentContext.NONE));
        assertEquals(List.of(at(0), at(0)), listOf.fromWire(expected, ArgumentContext.NONE));
        byte[] nyc = latin1("\u0000\u00202010-12-25T00:00:00.000000-05:00");
        assertEquals(List.of(at(-5 * 3600)), listOf.fromWire(nyc, ArgumentContext.NONE));
    }
}
