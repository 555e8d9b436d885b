package io.ampjava.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.dispatch.Command;
import io.ampjava.types.AmpDecimal;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.BadArgumentException;
import io.ampjava.types.BoxCodec;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxDecoder;
import io.ampjava.wire.BoxEncoder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The code the processor generated for this module's commands, without a connection: the bytes it
 * writes (Twisted's vectors from the spec), what it reads, and how its values behave.
 */
@Timeout(10)
class GeneratedCodecTest {
    @Test
    void sumArgumentsAreTwistedsBytes() {
        // Twisted: Sum(a=13, b=81) carries a: "13", b: "81" (spec 1.4 and 2.2).
        assertEquals("0001610002313300016200023831" + "0000",
                hex(encode(SumCommand.COMMAND.arguments(), SumCommand.arguments(BigInteger.valueOf(13), BigInteger.valueOf(81)))));
    }

    @Test
    void ampListIsOneBoxPerElement() {
        // Spec 3.2, AmpList: [{a: 7, b: hello}, {a: 9, b: goodbye}].
        Pairs pairs = PairsCommand.arguments(
                List.of(PairsCommand.pair(7, "hello"), PairsCommand.pair(9, "goodbye")), null);
        Box box = box(PairsCommand.COMMAND.arguments(), pairs);
        assertEquals(1, box.size(), "the absent optional argument is left out");
        assertEquals("0001" + "61" + "0001" + "37" + "0001" + "62" + "0005" + hex("hello") + "0000"
                        + "0001" + "61" + "0001" + "39" + "0001" + "62" + "0007" + hex("goodbye") + "0000",
                hex(box.get("pairs")));
    }

    @Test
    void nestedAmpListIsTwistedsVector() {
        // Spec 3.2: {inner: [{x: 1}, {x: 2}]} is 00 05 inner 00 10 <00 01 x 00 01 1 00 00 00 01 x 00 01 2 00 00> 00 00.
        Pairs pairs = PairsCommand.arguments(null, List.of(PairsCommand.inner(1), PairsCommand.inner(2)));
        assertEquals("0005" + hex("inner") + "0010" + "000178000131" + "0000" + "000178000132" + "0000" + "0000",
                hex(encode(PairsCommand.COMMAND.arguments(), pairs)));
    }

    @Test
    void readsWhatTwistedWrites() {
        Box box = BoxDecoder.parse(HexFormat.of().parseHex("0001610002313300016200023831" + "0000")).get(0);
        Sum sum = SumCommand.COMMAND.arguments().read(box, ArgumentContext.NONE);
        assertEquals(SumCommand.arguments(BigInteger.valueOf(13), BigInteger.valueOf(81)), sum);
    }

    @Test
    void aMissingRequiredKeyIsNamed() {
        Box box = new Box().put("a", "1");
        BadArgumentException missing = assertThrows(BadArgumentException.class,
                () -> SumCommand.COMMAND.arguments().read(box, ArgumentContext.NONE));
        assertEquals("missing required argument 'b'", missing.getMessage());
    }

    @Test
    void keysAreReadByTheirWireNameOnly() {
        // The Java name of a renamed argument means nothing on the wire, as in Twisted.
        Box box = new Box().put("filePath", "/tmp/x").put("unknown", "ignored");
        Echo echo = EchoCommand.COMMAND.arguments().read(box, ArgumentContext.NONE);
        assertNull(echo.filePath());
        Box renamed = new Box().put("path", "/tmp/x");
        assertEquals(Path.of("/tmp/x"), EchoCommand.COMMAND.arguments().read(renamed, ArgumentContext.NONE).filePath());
    }

    @Test
    void absentOptionalsStayAbsent() {
        Echo empty = EchoCommand.arguments(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertTrue(box(EchoCommand.COMMAND.arguments(), empty).isEmpty());
        Echo read = EchoCommand.COMMAND.arguments().read(new Box(), ArgumentContext.NONE);
        assertEquals(empty, read);
        assertNull(read.items());
    }

    @Test
    void aRequiredNullFailsBeforeAnythingIsBuilt() {
        NullPointerException failure = assertThrows(NullPointerException.class,
                () -> SumCommand.arguments(BigInteger.ONE, null));
        assertEquals("required argument 'b' is null", failure.getMessage());
        assertThrows(NullPointerException.class, () -> EchoCommand.tree("root", null));
    }

    @Test
    void aHandWrittenResponseWithANullIsRefusedByTheCodec() {
        Sum.Total broken = () -> null;
        NullPointerException failure = assertThrows(NullPointerException.class,
                () -> SumCommand.COMMAND.response().write(broken, new Box(), ArgumentContext.NONE));
        assertEquals("required argument 'total' is null", failure.getMessage());
    }

    @Test
    void twoCommandsMakeAndReadOneElementType() {
        Entry made = EntriesCommand.entry("a", 1);
        Entry same = PutAllCommand.entry("a", 1);
        assertEquals(made, same);
        assertEquals(made.hashCode(), same.hashCode());
        assertSame(made.getClass(), same.getClass(), "one record type, whichever command made it");
        assertEquals("Entry[key=a, value=1]", same.toString());
        assertNotEquals(made, PutAllCommand.entry("a", 2));

        // Sent by one command, read back by the other: still equal.
        Box sent = box(PutAllCommand.COMMAND.arguments(), PutAllCommand.arguments(List.of(same, EntryElement.of("b", 2))));
        Entries.Listing read = EntriesCommand.COMMAND.response().read(sent, ArgumentContext.NONE);
        assertEquals(List.of(made, EntriesCommand.entry("b", 2)), read.entries());
        assertEquals(EntriesCommand.response(List.of(made, same)), EntriesCommand.response(List.of(same, made)));
    }

    @Test
    void valuesCompareBytesByContentAndCopyLists() {
        Blob.Data one = BlobCommand.response(new byte[] {1, 2, 3});
        Blob.Data same = BlobCommand.response(new byte[] {1, 2, 3});
        assertEquals(one, same);
        assertEquals(one.hashCode(), same.hashCode());
        assertNotEquals(one, BlobCommand.response(new byte[] {1, 2}));
        assertEquals("Blob.Data[data=[1, 2, 3]]", one.toString());

        List<Long> integers = new ArrayList<>(List.of(1L, 2L));
        Echo echo = EchoCommand.arguments(null, null, null, null, null, null, null, null, integers, null, null, null, null, null);
        integers.add(3L);
        assertEquals(List.of(1L, 2L), echo.integers(), "the value keeps its own copy");
        assertThrows(UnsupportedOperationException.class, () -> echo.integers().add(4L));
    }

    @Test
    void commandDescribesTheDeclaration() {
        assertEquals("EchoTypes", EchoCommand.COMMAND.name());
        assertFalse(NotifyCommand.COMMAND.requiresAnswer());
        assertTrue(GoodbyeCommand.COMMAND.closesConnection());
        assertEquals(Command.EMPTY, FailCommand.COMMAND.response());
        assertEquals(List.of("DECLARED", "FATAL", "CHECKED"),
                FailCommand.COMMAND.errors().stream().map(e -> e.code()).toList());
        assertTrue(FailCommand.COMMAND.errors().get(1).fatal());
        assertEquals("fatal failure", FailCommand.COMMAND.errorForCode("FATAL").factory().apply("fatal failure").getMessage());
    }

    @Test
    void randomEchoesSurviveTheWire() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int i = 0; i < 300; i++) {
            Echo echo = randomEcho(random);
            byte[] wire = encode(EchoCommand.COMMAND.arguments(), echo);
            Echo back = EchoCommand.COMMAND.arguments().read(BoxDecoder.parse(wire).get(0), ArgumentContext.NONE);
            assertEquals(echo, back, "seed " + seed + ", round " + i + ": " + echo);
        }
    }

    private static Echo randomEcho(Random random) {
        return EchoCommand.arguments(
                maybe(random, () -> random.nextLong()),
                maybe(random, () -> bytes(random)),
                maybe(random, () -> text(random)),
                maybe(random, random::nextBoolean),
                maybe(random, () -> random.nextInt(10) == 0 ? Double.NaN : random.nextDouble() * Math.pow(10, random.nextInt(40) - 20)),
                maybe(random, () -> random.nextInt(5) == 0 ? AmpDecimal.negativeZero() : AmpDecimal.of(decimal(random))),
                maybe(random, () -> dateTime(random)),
                maybe(random, () -> Path.of("/tmp", text(random).replace('/', '_').replace("\0", "") + "x")),
                maybe(random, () -> list(random, random::nextLong)),
                maybe(random, () -> list(random, () -> text(random))),
                maybe(random, () -> list(random, () -> decimal(random))),
                maybe(random, () -> list(random, () -> dateTime(random))),
                maybe(random, () -> list(random, () -> EchoCommand.item(random.nextLong(), maybe(random, () -> text(random))))),
                maybe(random, () -> list(random, () -> EchoCommand.tree(text(random),
                        list(random, () -> EchoCommand.leaf(random.nextInt()))))));
    }

    private static BigDecimal decimal(Random random) {
        return new BigDecimal(BigInteger.valueOf(random.nextLong()), random.nextInt(40) - 20);
    }

    /** Microseconds and whole-minute offsets: what AMP's DateTime carries. */
    private static OffsetDateTime dateTime(Random random) {
        return OffsetDateTime.of(1 + random.nextInt(9999), 1 + random.nextInt(12), 1 + random.nextInt(28),
                random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000) * 1000,
                ZoneOffset.ofTotalSeconds((random.nextInt(35) - 17) * 3600 + random.nextInt(60) * 60));
    }

    private static <T> T maybe(Random random, Supplier<T> value) {
        return random.nextInt(3) == 0 ? null : value.get();
    }

    private static <T> List<T> list(Random random, Supplier<T> element) {
        List<T> list = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
            list.add(element.get());
        }
        return list;
    }

    private static byte[] bytes(Random random) {
        byte[] bytes = new byte[random.nextInt(20)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Text of letters, snowmen and emoji: one to four UTF-8 bytes per code point. */
    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(8); n > 0; n--) {
            int kind = random.nextInt(4);
            text.appendCodePoint(kind == 0 ? 'a' + random.nextInt(26) : kind == 1 ? 0xE9 : kind == 2 ? 0x2603 : 0x1F600);
        }
        return text.toString();
    }

    private static <T> Box box(BoxCodec<T> codec, T value) {
        Box box = new Box();
        codec.write(value, box, ArgumentContext.NONE);
        return box;
    }

    private static <T> byte[] encode(BoxCodec<T> codec, T value) {
        return BoxEncoder.encode(box(codec, value));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
