package io.ampjava.types;

import io.ampjava.wire.Box;

/**
 * The pieces of hand-written codecs that tests build their commands from (the processor that
 * writes real ones does not run on this module's tests): a required field, and one-field codecs
 * for an Integer or a Unicode argument, in the shape the processor generates.
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
        return new BoxCodec<>() {
            @Override
            public void write(Long value, Box box, ArgumentContext context) {
                box.put(key, LongArgument.encode(value));
            }

            @Override
            public Long read(Box box, ArgumentContext context) {
                return LongArgument.decode(required(box, key));
            }
        };
    }

    /** A box of one Unicode argument under {@code key}. */
    public static BoxCodec<String> unicodeField(String key) {
        return new BoxCodec<>() {
            @Override
            public void write(String value, Box box, ArgumentContext context) {
                box.put(key, UnicodeArgument.encode(value));
            }

            @Override
            public String read(Box box, ArgumentContext context) {
                return UnicodeArgument.decode(required(box, key));
            }
        };
    }
}
