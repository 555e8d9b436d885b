package io.ampjava.types;

import io.ampjava.wire.Box;
import java.util.List;

/**
 * Hand-written {@link BoxCodec}s in the shape the processor generates: required fields throw
 * {@link BadArgumentException#missing} when absent; optional fields are omitted when null and read
 * as null when absent.
 */
final class TestRecords {
    private TestRecords() {}

    private static final byte[] A = {'a'};
    private static final byte[] B = {'b'};
    private static final byte[] X = {'x'};
    private static final byte[] INNER = {'i', 'n', 'n', 'e', 'r'};
    private static final byte[] MAGIC_WORD = {'m', 'a', 'g', 'i', 'c', 'W', 'o', 'r', 'd'};
    private static final byte[] LIST = {'l', 'i', 's', 't'};

    /** {@code a: Integer, b: Unicode (optional)}. */
    record Item(int a, String b) {}

    static final BoxCodec<Item> ITEM = new BoxCodec<>() {
        @Override
        public void write(Item value, Box box, ArgumentContext context) {
            box.put(A, IntArgument.encode(value.a()));
            if (value.b() != null) {
                box.put(B, UnicodeArgument.encode(value.b()));
            }
        }

        @Override
        public Item read(Box box, ArgumentContext context) {
            byte[] a = box.get(A);
            if (a == null) {
                throw BadArgumentException.missing("a");
            }
            byte[] b = box.get(B);
            return new Item(IntArgument.decode(a), b == null ? null : UnicodeArgument.decode(b));
        }
    };

    /** {@code x: Integer}. */
    record Point(int x) {}

    static final BoxCodec<Point> POINT = new BoxCodec<>() {
        @Override
        public void write(Point value, Box box, ArgumentContext context) {
            box.put(X, IntArgument.encode(value.x()));
        }

        @Override
        public Point read(Box box, ArgumentContext context) {
            byte[] x = box.get(X);
            if (x == null) {
                throw BadArgumentException.missing("x");
            }
            return new Point(IntArgument.decode(x));
        }
    };

    /** {@code inner: AmpList(x: Integer)}: an AmpList inside an AmpList. */
    record Outer(List<Point> inner) {}

    static final AmpListArgument<Point> POINTS = new AmpListArgument<>(POINT);

    static final BoxCodec<Outer> OUTER = new BoxCodec<>() {
        @Override
        public void write(Outer value, Box box, ArgumentContext context) {
            box.put(INNER, POINTS.toWire(value.inner(), context));
        }

        @Override
        public Outer read(Box box, ArgumentContext context) {
            byte[] inner = box.get(INNER);
            if (inner == null) {
                throw BadArgumentException.missing("inner");
            }
            return new Outer(POINTS.fromWire(inner, context));
        }
    };

    /** Twisted's {@code DontRejectMe} arguments: {@code magicWord: Unicode, list: AmpList(name: Unicode) (optional)}. */
    record DontRejectMe(String magicWord, List<Item> list) {}

    static final AmpListArgument<Item> ITEMS = new AmpListArgument<>(ITEM);

    static final BoxCodec<DontRejectMe> DONT_REJECT_ME = new BoxCodec<>() {
        @Override
        public void write(DontRejectMe value, Box box, ArgumentContext context) {
            box.put(MAGIC_WORD, UnicodeArgument.encode(value.magicWord()));
            if (value.list() != null) {
                box.put(LIST, ITEMS.toWire(value.list(), context));
            }
        }

        @Override
        public DontRejectMe read(Box box, ArgumentContext context) {
            byte[] magicWord = box.get(MAGIC_WORD);
            if (magicWord == null) {
                throw BadArgumentException.missing("magicWord");
            }
            byte[] list = box.get(LIST);
            return new DontRejectMe(UnicodeArgument.decode(magicWord), list == null ? null : ITEMS.fromWire(list, context));
        }
    };
}
