package io.ampjava.types;

import io.ampjava.wire.Box;
import java.util.function.Function;

/**
 * The pieces of hand-written codecs that tests build their commands from (the processor that
 * writes real ones does not run on this module's tests): a required field, and codecs of one
 * field, such as an Integer or a Unicode argument, in the shape the processor generates.
 */
public final class TestCodecs {
    private TestCodecs() {}

    /** The value under {@code key}; a missing key is a {@link BadArgumentException}, as in generated codecs. */
    public static byte[] required(Box box, String key) {
        byte[] value = box.get(key);
        if (value == null) {
            throw BadArgumentException.missing(key);
        }
        return value;
    }

    /** A box of one Integer argument under {@code key}. */
    public static BoxCodec<Long> longField(String key) {
        return field(key, LongArgument::encode, LongArgument::decode);
    }

    /** A box of one Unicode argument under {@code key}. */
    public static BoxCodec<String> unicodeField(String key) {
        return field(key, UnicodeArgument::encode, UnicodeArgument::decode);
    }

    /** A box of one required argument under {@code key}, turned into bytes and back by {@code encode} and {@code decode}. */
    public static <T> BoxCodec<T> field(String key, Function<? super T, byte[]> encode, Function<byte[], ? extends T> decode) {
        return new BoxCodec<>() {
            @Override
            public void write(T value, Box box, ArgumentContext context) {
                box.put(key, encode.apply(value));
            }

            @Override
            public T read(Box box, ArgumentContext context) {
                return decode.apply(required(box, key));
            }
        };
    }
}
