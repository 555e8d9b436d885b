package io.ampjava.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ampjava.testing.TwistedPython;
import io.ampjava.testing.WireBytes;
import io.ampjava.types.TestRecords.Item;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxDecoder;
import io.ampjava.wire.BoxEncoder;
import io.ampjava.wire.RandomBoxes;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random inputs answered by real Twisted (the {@code twisted_oracle.py} resource) and by this
 * codec must agree: Python's {@code int()} syntax, strict UTF-8, box serialization and parsing,
 * ListOf and AmpList. Where Twisted and the spec disagree, Twisted wins. Skipped without Twisted,
 * except under {@code CI=true}, where it must run ({@link TwistedPython}).
 */
@Timeout(60)
class TwistedAgreementTest {
    private static final long SEED = 20_261_121L;
    private static final HexFormat HEX = HexFormat.of();
    private static final ArgumentContext NONE = ArgumentContext.NONE;

    /** One question for Twisted and the check of its answer against this side. */
    private record Question(String request, Consumer<String> check) {}

    @Test
    void javaAndTwistedAgree(@TempDir Path directory) throws Exception {
        Random random = new Random(SEED);
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            questions.add(integerText(random));
            questions.add(utf8(random));
        }
        for (int digits = 4295; digits <= 4305; digits++) {
            questions.add(longInteger(random, digits));
        }
        for (int i = 0; i < 300; i++) {
            questions.add(boxSerialization(random));
            questions.add(streamParsing(random));
            questions.add(listOfIntegerDecoding(random));
            questions.add(listOfUnicodeEncoding(random));
            questions.add(ampListEncoding(random));
        }
        List<String> answers = askTwisted(directory, questions);
        assertEquals(questions.size(), answers.size(), "one answer per question");
        for (int i = 0; i < questions.size(); i++) {
            Question question = questions.get(i);
            try {
                question.check().accept(answers.get(i));
            } catch (Throwable e) {
                throw new AssertionError("seed " + SEED + ", request '" + question.request() + "', Twisted answered '"
                        + answers.get(i) + "': " + e.getMessage(), e);
            }
        }
    }

    private static Question integerText(Random random) {
        byte[] text;
        if (random.nextBoolean()) {
            text = WireBytes.ascii(IntegerArgumentsTest.lenientSpelling(random, IntegerArgumentsTest.randomLong(random)));
        } else {
            String alphabet = "0123456789__+- \t\n\u000b\f\u001c.xe";
            StringBuilder noise = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                noise.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            text = WireBytes.ascii(noise.toString());
        }
        byte[] wire = text;
        return new Question("int " + hex(wire), answer -> {
            if (answer.startsWith("ok ")) {
                BigInteger expected = new BigInteger(answer.substring(3));
                assertEquals(expected, BigIntegerArgument.INSTANCE.fromWire(wire, NONE));
                if (expected.bitLength() < 64) {
                    assertEquals(expected.longValueExact(), LongArgument.decode(wire));
                } else {
                    expectBadArgument(() -> LongArgument.decode(wire));
                }
            } else {
                expectBadArgument(() -> BigIntegerArgument.INSTANCE.fromWire(wire, NONE));
                expectBadArgument(() -> LongArgument.decode(wire));
                expectBadArgument(() -> IntArgument.decode(wire));
            }
        });
    }

    /** Integers near Python's 4300-digit limit, with leading zeros, underscores and whitespace. */
    private static Question longInteger(Random random, int digits) {
        StringBuilder text = new StringBuilder(random.nextBoolean() ? " -" : "");
        for (int i = 0; i < digits; i++) {
            if (i > 0 && random.nextInt(50) == 0) {
                text.append('_');
            }
            text.append(i < 3 ? '0' : (char) ('0' + random.nextInt(10)));
        }
        byte[] wire = WireBytes.ascii(text.toString());
        return new Question("int " + hex(wire), answer -> {
            if (answer.startsWith("ok ")) {
                assertEquals(new BigInteger(answer.substring(3)), BigIntegerArgument.INSTANCE.fromWire(wire, NONE));
            } else {
                expectBadArgument(() -> BigIntegerArgument.INSTANCE.fromWire(wire, NONE));
            }
        });
    }

    private static Question utf8(Random random) {
        byte[] wire = nearlyUtf8(random);
        return new Question("utf8 " + hex(wire), answer -> {
            if (answer.startsWith("ok ")) {
                String text = UnicodeArgument.decode(wire);
                assertEquals(answer.substring(3), hex(text.getBytes(java.nio.charset.Charset.forName("UTF-32BE"))));
            } else {
                expectBadArgument(() -> UnicodeArgument.decode(wire));
            }
        });
    }

    /** Valid UTF-8 pieces mixed with the classic invalid ones: overlongs, surrogates, stray and cut sequences. */
    private static byte[] nearlyUtf8(Random random) {
        List<byte[]> pieces = new ArrayList<>();
        for (int n = random.nextInt(5); n > 0; n--) {
            switch (random.nextInt(8)) {
                case 0: case 1: case 2:
                    pieces.add(UnicodeArgumentTest.randomText(random, 1 + random.nextInt(3)).getBytes(StandardCharsets.UTF_8));
                    break;
                case 3: { // a valid multi-byte character cut short
                    byte[] c = new StringBuilder().appendCodePoint(0x80 + random.nextInt(0x10ff80)).toString()
                            .getBytes(StandardCharsets.UTF_8);
                    pieces.add(Arrays.copyOf(c, Math.max(1, c.length - 1)));
                    break;
                }
                case 4: // lead bytes that are overlong, surrogate or past U+10FFFF, with continuations
                    pieces.add(new byte[] {
                        new byte[] {(byte) 0xc0, (byte) 0xc1, (byte) 0xe0, (byte) 0xed, (byte) 0xf0, (byte) 0xf4, (byte) 0xf5, (byte) 0xff}[random.nextInt(8)],
                        (byte) (0x80 + random.nextInt(0x40)), (byte) (0x80 + random.nextInt(0x40)), (byte) (0x80 + random.nextInt(0x40))});
                    break;
                case 5:
                    pieces.add(new byte[] {(byte) (0x80 + random.nextInt(0x40))}); // stray continuation
                    break;
                default: {
                    byte[] b = new byte[1 + random.nextInt(3)];
                    random.nextBytes(b);
                    pieces.add(b);
                }
            }
        }
        return WireBytes.concat(pieces.toArray(new byte[0][]));
    }

    private static Question boxSerialization(Random random) {
        Box box = smallBox(random);
        StringBuilder request = new StringBuilder("box ");
        for (int i = 0; i < box.size(); i++) {
            request.append(i == 0 ? "" : ",").append(hex(box.keyAt(i))).append(':').append(hex(box.valueAt(i)));
        }
        if (box.isEmpty()) {
            request.append('-');
        }
        return new Question(request.toString(), answer -> assertEquals("ok " + hex(BoxEncoder.encode(box)), answer));
    }

    private static Question streamParsing(Random random) {
        List<Box> boxes = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
            boxes.add(smallBox(random));
        }
        byte[] stream = RandomBoxes.stream(boxes);
        byte[] cut = random.nextBoolean() ? stream : Arrays.copyOf(stream, random.nextInt(stream.length + 1));
        return new Question("parse " + hex(cut), answer -> {
            List<String> parsed = new ArrayList<>();
            for (Box box : BoxDecoder.parse(cut)) {
                parsed.add(hex(BoxEncoder.encode(box)));
            }
            assertEquals(answer, "ok " + (parsed.isEmpty() ? "-" : String.join("|", parsed)));
        });
    }

    private static Question listOfIntegerDecoding(Random random) {
        List<BigInteger> values = new ArrayList<>();
        for (int n = random.nextInt(5); n > 0; n--) {
            values.add(BigInteger.valueOf(IntegerArgumentsTest.randomLong(random)));
        }
        ListOfArgument<BigInteger> list = new ListOfArgument<>(BigIntegerArgument.INSTANCE);
        byte[] wire = list.toWire(values, NONE);
        switch (random.nextInt(4)) {
            case 0: wire = Arrays.copyOf(wire, random.nextInt(wire.length + 1)); break; // cut anywhere
            case 1: wire = WireBytes.concat(wire, WireBytes.of("00 00")); break; // an empty element
            default: break;
        }
        byte[] sent = wire;
        return new Question("listof_int " + hex(sent), answer -> {
            if (answer.startsWith("ok ")) {
                List<String> decoded = new ArrayList<>();
                list.fromWire(sent, NONE).forEach(v -> decoded.add(v.toString()));
                assertEquals(answer.substring(3), decoded.isEmpty() ? "-" : String.join(",", decoded));
            } else {
                expectBadArgument(() -> list.fromWire(sent, NONE));
            }
        });
    }

    private static Question listOfUnicodeEncoding(Random random) {
        List<String> values = new ArrayList<>();
        for (int n = random.nextInt(5); n > 0; n--) {
            values.add(UnicodeArgumentTest.randomText(random, random.nextInt(8)));
        }
        List<String> hexes = new ArrayList<>();
        values.forEach(v -> hexes.add(hex(v.getBytes(StandardCharsets.UTF_8))));
        return new Question("listof_unicode " + (values.isEmpty() ? "[]" : String.join(",", hexes)), answer ->
                assertEquals("ok " + hex(new ListOfArgument<>(UnicodeArgument.INSTANCE).toWire(values, NONE)), answer));
    }

    private static Question ampListEncoding(Random random) {
        List<Item> items = new ArrayList<>();
        List<String> records = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
            Item item = new Item(IntegerArgumentsTest.randomInt(random),
                    random.nextBoolean() ? null : UnicodeArgumentTest.randomText(random, random.nextInt(6)));
            items.add(item);
            records.add("a=" + item.a() + (item.b() == null ? "" : ";b=" + hex(item.b().getBytes(StandardCharsets.UTF_8))));
        }
        return new Question("amplist " + (records.isEmpty() ? "[]" : String.join("|", records)), answer ->
                assertEquals("ok " + hex(TestRecords.ITEMS.toWire(items, NONE)), answer));
    }

    private static Box smallBox(Random random) {
        Box box = new Box();
        for (int n = random.nextInt(6); n > 0; n--) {
            box.put(RandomBoxes.bytes(random, 1 + random.nextInt(10)), RandomBoxes.bytes(random, random.nextInt(20)));
        }
        return box;
    }

    private static void expectBadArgument(Runnable decode) {
        try {
            decode.run();
        } catch (BadArgumentException e) {
            return;
        }
        fail("Twisted refused it, this side accepted it");
    }

    private static String hex(byte[] bytes) {
        return bytes.length == 0 ? "-" : HEX.formatHex(bytes);
    }

    private static List<String> askTwisted(Path directory, List<Question> questions) throws Exception {
        String python = TwistedPython.require(TwistedPython.Need.TWISTED).toString();
        Path script = directory.resolve("twisted_oracle.py");
        try (InputStream in = TwistedAgreementTest.class.getResourceAsStream("twisted_oracle.py")) {
            Files.copy(in, script);
        }
        Path requests = directory.resolve("requests.txt");
        List<String> lines = new ArrayList<>();
        questions.forEach(q -> lines.add(q.request()));
        Files.write(requests, lines, StandardCharsets.US_ASCII);
        Path errors = directory.resolve("stderr.txt");
        Process process = new ProcessBuilder(python, script.toString())
                .redirectInput(requests.toFile())
                .redirectError(errors.toFile())
                .start();
        try {
            byte[] out = process.getInputStream().readAllBytes();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the oracle did not finish");
            assertEquals(0, process.exitValue(), () -> "oracle failed: " + read(errors));
            String text = new String(out, StandardCharsets.US_ASCII);
            return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
        } finally {
            process.destroyForcibly();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
