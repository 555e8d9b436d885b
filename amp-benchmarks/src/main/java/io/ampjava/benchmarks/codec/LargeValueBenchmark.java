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
 * A request carrying one 60 KiB {@code String} value ({@link Store}): the cost is the copies, so the
 * figure to watch is bytes allocated per operation against the 61,440 of the value itself.
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

    private final Store arguments;
    private final Box box;
    private final ByteBuffer wire;
    private final Frames.Reader reader = new Frames.Reader();

    public LargeValueBenchmark() {
        byte[] value = new byte[SIZE];
        for (int i = 0; i < SIZE; i++) {
            value[i] = (byte) (i % 251);
        }
        arguments = StoreCommand.arguments(value);
        box = Frames.requestBox(StoreCommand.COMMAND, arguments, new byte[] {'1'});
        wire = ByteBuffer.wrap(BoxEncoder.encode(box));
    }

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
        return Frames.encodeRequest(StoreCommand.COMMAND, NAME, arguments, 1);
    }

    @Benchmark
    public Store decodeCall() {
        return StoreCommand.COMMAND.arguments().read(reader.read(wire), ArgumentContext.NONE);
    }
}
