package io.ampjava.benchmarks.codec;

import io.ampjava.types.ArgumentContext;
import io.ampjava.types.BadArgumentException;
import io.ampjava.types.BoxCodec;
import io.ampjava.types.LongArgument;
import io.ampjava.wire.Box;
import java.nio.charset.StandardCharsets;

/** {@code Sum(a: Integer, b: Integer)}'s arguments, coded as the processor generates them. */
final class SumCodec implements BoxCodec<SumCodec.Arguments> {
    record Arguments(long a, long b) {}

    static final SumCodec INSTANCE = new SumCodec();
    static final byte[] NAME = "Sum".getBytes(StandardCharsets.UTF_8);
    private static final byte[] A = "a".getBytes(StandardCharsets.UTF_8);
    private static final byte[] B = "b".getBytes(StandardCharsets.UTF_8);

    @Override
    public void write(Arguments value, Box box, ArgumentContext context) {
        box.put(A, LongArgument.encode(value.a()));
        box.put(B, LongArgument.encode(value.b()));
    }

    @Override
    public Arguments read(Box box, ArgumentContext context) {
        byte[] a = box.get(A);
        if (a == null) {
            throw BadArgumentException.missing("a");
        }
        byte[] b = box.get(B);
        if (b == null) {
            throw BadArgumentException.missing("b");
        }
        return new Arguments(LongArgument.decode(a), LongArgument.decode(b));
    }
}
