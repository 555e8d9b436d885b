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

/**
 * {@code Sum(a=13, b=81)} with tag {@code 1}: the request a Sum call writes, and reading it back
 * into its arguments record. Target (issue 7): encode + decode ≤ 150 ns, no allocation beyond the
 * values themselves.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SumBoxBenchmark {
    private final SumCodec.Arguments arguments = new SumCodec.Arguments(13, 81);
    private final ByteBuffer wire = ByteBuffer.wrap(Frames.encodeRequest(SumCodec.NAME, SumCodec.INSTANCE, arguments, 1));
    private final Frames.Reader reader = new Frames.Reader();

    @Benchmark
    public byte[] encode() {
        return Frames.encodeRequest(SumCodec.NAME, SumCodec.INSTANCE, arguments, 1);
    }

    @Benchmark
    public SumCodec.Arguments decode() {
        return SumCodec.INSTANCE.read(reader.read(wire), ArgumentContext.NONE);
    }
}
