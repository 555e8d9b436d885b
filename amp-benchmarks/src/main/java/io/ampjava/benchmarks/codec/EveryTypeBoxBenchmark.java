package io.ampjava.benchmarks.codec;

import io.ampjava.types.ArgumentContext;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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

/** A request with one argument of every value type ({@link EveryType}): encode, and decode back. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EveryTypeBoxBenchmark {
    /** Typical values: short text with non-ASCII letters, a 30-digit integer, three-element lists. */
    static final EveryType SAMPLE = EveryTypeCommand.arguments(
            -1234567890123L,
            new BigInteger("123456789012345678901234567890"),
            "raw bytes \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1),
            "h\u00e9llo, \u2603",
            true,
            0.1,
            new BigDecimal("1234.5678"),
            OffsetDateTime.of(2012, 12, 21, 11, 11, 11, 111_000, ZoneOffset.ofHoursMinutes(5, 30)),
            Path.of("/var/run/amp/socket"),
            List.of(1L, -2L, 300000L),
            List.of("a", "b\u00e9", "\u2603"),
            List.of(EveryTypeCommand.item(1, "one"), EveryTypeCommand.item(2, null), EveryTypeCommand.item(3, "three")));

    private static final byte[] NAME = "EveryType".getBytes(StandardCharsets.UTF_8);

    private final ByteBuffer wire = ByteBuffer.wrap(Frames.encodeRequest(EveryTypeCommand.COMMAND, NAME, SAMPLE, 1));
    private final Frames.Reader reader = new Frames.Reader();

    @Benchmark
    public byte[] encodeCall() {
        return Frames.encodeRequest(EveryTypeCommand.COMMAND, NAME, SAMPLE, 1);
    }

    @Benchmark
    public EveryType decodeCall() {
        return EveryTypeCommand.COMMAND.arguments().read(reader.read(wire), ArgumentContext.NONE);
    }
}
