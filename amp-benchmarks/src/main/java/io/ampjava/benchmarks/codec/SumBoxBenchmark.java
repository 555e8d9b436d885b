package io.ampjava.benchmarks.codec;

import io.ampjava.types.ArgumentContext;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxEncoder;
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
 * The request of {@code Sum(a=13, b=81)} with tag {@code 1}, at two levels:
 * <ul>
 *   <li>{@code encodeBox}/{@code decodeBox}: the box codec alone ({@code BoxEncoder} of the box,
 *       {@code BoxDecoder} of its bytes), whose target is ≤ 150 ns for both and no
 *       allocation beyond the values;
 *   <li>{@code encodeCall}/{@code decodeCall}: what a call does around it, with the processor's
 *       generated codec: arguments record → box → bytes, and bytes → box → record.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SumBoxBenchmark {
    private static final byte[] NAME = "Sum".getBytes(StandardCharsets.UTF_8);

    private final Sum arguments = SumCommand.arguments(13, 81);
    private final Box box = Frames.requestBox(SumCommand.COMMAND, arguments, new byte[] {'1'});
    private final ByteBuffer wire = ByteBuffer.wrap(BoxEncoder.encode(box));
    private final Frames.Reader reader = new Frames.Reader();

    @Benchmark
    public byte[] encodeBox() {
        return BoxEncoder.encode(box);
    }

    @Benchmark
    public Box decodeBox() {
        return reader.read(wire);
    }

    @Benchmark
    public byte[] encodeCall() {
        return Frames.encodeRequest(SumCommand.COMMAND, NAME, arguments, 1);
    }

    @Benchmark
    public Sum decodeCall() {
        return SumCommand.COMMAND.arguments().read(reader.read(wire), ArgumentContext.NONE);
    }
}
