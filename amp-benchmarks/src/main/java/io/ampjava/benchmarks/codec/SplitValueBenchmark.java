package io.ampjava.benchmarks.codec;

import io.ampjava.types.ArgumentContext;
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
 * A request carrying one 1 MiB large value ({@code @Argument(large = true)}, split across 17 keys):
 * {@link Upload}'s {@code byte[]} and {@link UploadText}'s {@code String} (ASCII, so one byte a
 * character), each encoded from the record to wire bytes and decoded back, as a connection does.
 * The figure to watch is bytes per second: 1 MiB over the encode and decode times together.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SplitValueBenchmark {
    static final int SIZE = 1 << 20;
    private static final byte[] UPLOAD = "Upload".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UPLOAD_TEXT = "UploadText".getBytes(StandardCharsets.UTF_8);

    private final Upload bytes;
    private final UploadText text;
    private final ByteBuffer bytesWire;
    private final ByteBuffer textWire;
    private final Frames.Reader reader = new Frames.Reader();

    public SplitValueBenchmark() {
        byte[] value = new byte[SIZE];
        for (int i = 0; i < SIZE; i++) {
            value[i] = (byte) (' ' + i % 95);
        }
        bytes = UploadCommand.arguments(value);
        text = UploadTextCommand.arguments(new String(value, StandardCharsets.US_ASCII));
        bytesWire = ByteBuffer.wrap(Frames.encodeRequest(UploadCommand.COMMAND, UPLOAD, bytes, 1));
        textWire = ByteBuffer.wrap(Frames.encodeRequest(UploadTextCommand.COMMAND, UPLOAD_TEXT, text, 1));
    }

    @Benchmark
    public byte[] encodeCall() {
        return Frames.encodeRequest(UploadCommand.COMMAND, UPLOAD, bytes, 1);
    }

    @Benchmark
    public Upload decodeCall() {
        return UploadCommand.COMMAND.arguments().read(reader.read(bytesWire), ArgumentContext.NONE);
    }

    @Benchmark
    public byte[] encodeText() {
        return Frames.encodeRequest(UploadTextCommand.COMMAND, UPLOAD_TEXT, text, 1);
    }

    @Benchmark
    public UploadText decodeText() {
        return UploadTextCommand.COMMAND.arguments().read(reader.read(textWire), ArgumentContext.NONE);
    }
}
