package io.ampjava.benchmarks.codec;

import io.ampjava.types.AmpListArgument;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.ArgumentType;
import io.ampjava.types.BadArgumentException;
import io.ampjava.types.BigIntegerArgument;
import io.ampjava.types.BooleanArgument;
import io.ampjava.types.BoxCodec;
import io.ampjava.types.BytesArgument;
import io.ampjava.types.DateTimeArgument;
import io.ampjava.types.DecimalArgument;
import io.ampjava.types.FloatArgument;
import io.ampjava.types.ListOfArgument;
import io.ampjava.types.LongArgument;
import io.ampjava.types.PathArgument;
import io.ampjava.types.UnicodeArgument;
import io.ampjava.wire.Box;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A command with one argument of every value type (the conformance suite's {@code EchoTypes}
 * minus {@code Descriptor}, which needs a socket), coded as the processor generates it.
 */
final class EveryTypeCodec implements BoxCodec<EveryTypeCodec.Arguments> {
    record Item(long x, String label) {}

    record Arguments(long integer, BigInteger big, byte[] string, String unicode, boolean bool, double floating,
            BigDecimal decimal, OffsetDateTime datetime, Path path, List<Long> integers, List<String> unicodes,
            List<Item> items) {}

    static final EveryTypeCodec INSTANCE = new EveryTypeCodec();
    static final byte[] NAME = "EchoTypes".getBytes(StandardCharsets.UTF_8);

    /** Typical values: short text with a non-ASCII letter, a 30-digit integer, three-element lists. */
    static final Arguments SAMPLE = new Arguments(
            -1234567890123L,
            new BigInteger("123456789012345678901234567890"),
            "raw bytes \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1),
            "h\u00e9llo, \u2603",
            true,
            0.1,
            new BigDecimal("1234.5678"),
            OffsetDateTime.of(2012, 12, 21, 11, 11, 11, 111_000, ZoneOffset.ofHoursMinutes(5, 30)),
            Path.of("/var/run/amp/socket"),
            List.of(1L, -2L, 300000L),
            List.of("a", "b\u00e9", "\u2603"),
            List.of(new Item(1, "one"), new Item(2, null), new Item(3, "three")));

    private static final ArgumentType<List<Long>> LONGS = new ListOfArgument<>(LongArgument.INSTANCE);
    private static final ArgumentType<List<String>> UNICODES = new ListOfArgument<>(UnicodeArgument.INSTANCE);
    private static final ArgumentType<List<Item>> ITEMS = new AmpListArgument<>(new ItemCodec());

    private static final byte[] INTEGER = key("integer");
    private static final byte[] BIG = key("big");
    private static final byte[] STRING = key("string");
    private static final byte[] UNICODE = key("unicode");
    private static final byte[] BOOLEAN = key("boolean");
    private static final byte[] FLOAT = key("float");
    private static final byte[] DECIMAL = key("decimal");
    private static final byte[] DATETIME = key("datetime");
    private static final byte[] PATH = key("path");
    private static final byte[] INTEGERS = key("integers");
    private static final byte[] UNICODES_KEY = key("unicodes");
    private static final byte[] ITEMS_KEY = key("items");

    @Override
    public void write(Arguments v, Box box, ArgumentContext context) {
        box.put(INTEGER, LongArgument.encode(v.integer()));
        box.put(BIG, BigIntegerArgument.INSTANCE.toWire(v.big(), context));
        box.put(STRING, BytesArgument.INSTANCE.toWire(v.string(), context));
        box.put(UNICODE, UnicodeArgument.encode(v.unicode()));
        box.put(BOOLEAN, BooleanArgument.encode(v.bool()));
        box.put(FLOAT, FloatArgument.encode(v.floating()));
        box.put(DECIMAL, DecimalArgument.INSTANCE.toWire(v.decimal(), context));
        box.put(DATETIME, DateTimeArgument.encode(v.datetime()));
        box.put(PATH, PathArgument.INSTANCE.toWire(v.path(), context));
        box.put(INTEGERS, LONGS.toWire(v.integers(), context));
        box.put(UNICODES_KEY, UNICODES.toWire(v.unicodes(), context));
        box.put(ITEMS_KEY, ITEMS.toWire(v.items(), context));
    }

    @Override
    public Arguments read(Box box, ArgumentContext context) {
        return new Arguments(
                LongArgument.decode(required(box, INTEGER)),
                BigIntegerArgument.INSTANCE.fromWire(required(box, BIG), context),
                BytesArgument.INSTANCE.fromWire(required(box, STRING), context),
                UnicodeArgument.decode(required(box, UNICODE)),
                BooleanArgument.decode(required(box, BOOLEAN)),
                FloatArgument.decode(required(box, FLOAT)),
                DecimalArgument.INSTANCE.fromWire(required(box, DECIMAL), context),
                DateTimeArgument.decode(required(box, DATETIME)),
                PathArgument.INSTANCE.fromWire(required(box, PATH), context),
                LONGS.fromWire(required(box, INTEGERS), context),
                UNICODES.fromWire(required(box, UNICODES_KEY), context),
                ITEMS.fromWire(required(box, ITEMS_KEY), context));
    }

    /** The elements of {@code items}: {@code x: Integer, label: Unicode (optional)}. */
    private static final class ItemCodec implements BoxCodec<Item> {
        private static final byte[] X = key("x");
        private static final byte[] LABEL = key("label");

        @Override
        public void write(Item value, Box box, ArgumentContext context) {
            box.put(X, LongArgument.encode(value.x()));
            if (value.label() != null) {
                box.put(LABEL, UnicodeArgument.encode(value.label()));
            }
        }

        @Override
        public Item read(Box box, ArgumentContext context) {
            byte[] label = box.get(LABEL);
            return new Item(LongArgument.decode(required(box, X)), label == null ? null : UnicodeArgument.decode(label));
        }
    }

    static byte[] required(Box box, byte[] key) {
        byte[] value = box.get(key);
        if (value == null) {
            throw BadArgumentException.missing(new String(key, StandardCharsets.UTF_8));
        }
        return value;
    }

    private static byte[] key(String name) {
        return name.getBytes(StandardCharsets.UTF_8);
    }
}
