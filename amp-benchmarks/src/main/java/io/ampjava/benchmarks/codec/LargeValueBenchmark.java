package io.ampjava.benchmarks.codec;

import io.ampjava.types.ArgumentContext;
import io.ampjava.types.BoxCodec;
import io.ampjava.types.BytesArgument;
import io.ampjava.wire.Box;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A request carrying one 60 KiB {@code String} value (a {@code Blob}-sized answer): the cost is the
 * copies, so the figure to watch is bytes allocated per operation against the 61,440 of the value.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LargeValueBenchmark {
    static final int SIZE = 60 * 1024;
    private static final byte[] NAME = "Store".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DATA = "data".getBytes(StandardCharsets.UTF_8);

    private static final BoxCodec<byte[]> CODEC = new BoxCodec<>() {
        @Override
        public void write(byte[] value, Box box, ArgumentContext context) {
            box.put(DATA, BytesArgument.INSTANCE.toWire(value, context));
        }

        @Override
        public byte[] read(Box box, ArgumentContext context) {
            return BytesArgument.INSTANCE.fromWire(EveryTypeCodec.required(box, DATA), context);
        }
    };

    private final byte[] value = new byte[SIZE];
    private final ByteBuffer wire;
    private final Frames.Reader reader = new Frames.Reader();

    public LargeValueBenchmark() {
        for (int i = 0; i < SIZE; i++) {
            value[i] = (byte) (i % 251);
        }
        wire = ByteBuffer.wrap(Frames.encodeRequest(NAME, CODEC, value, 1));
    }

    @Benchmark
    public byte[] encode() {
        return Frames.encodeRequest(NAME, CODEC, value, 1);
    }

    @Benchmark
    public byte[] decode() {
        return CODEC.read(reader.read(wire), ArgumentContext.NONE);
    }
}
