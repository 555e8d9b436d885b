package io.ampjava.benchmarks.codec;

import io.ampjava.types.ArgumentContext;
import java.nio.ByteBuffer;
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

/** A request with one argument of every value type ({@link EveryTypeCodec#SAMPLE}): encode, and decode back. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EveryTypeBoxBenchmark {
    private final ByteBuffer wire = ByteBuffer.wrap(
            Frames.encodeRequest(EveryTypeCodec.NAME, EveryTypeCodec.INSTANCE, EveryTypeCodec.SAMPLE, 1));
    private final Frames.Reader reader = new Frames.Reader();

    @Benchmark
    public byte[] encode() {
        return Frames.encodeRequest(EveryTypeCodec.NAME, EveryTypeCodec.INSTANCE, EveryTypeCodec.SAMPLE, 1);
    }

    @Benchmark
    public EveryTypeCodec.Arguments decode() {
        return EveryTypeCodec.INSTANCE.read(reader.read(wire), ArgumentContext.NONE);
    }
}
