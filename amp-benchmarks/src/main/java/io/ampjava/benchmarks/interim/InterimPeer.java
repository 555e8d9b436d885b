package io.ampjava.benchmarks.interim;

import io.ampjava.Amp;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.Command;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.dispatch.Responders;
import io.ampjava.transport.AmpServer;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.BadArgumentException;
import io.ampjava.types.BoxCodec;
import io.ampjava.types.BytesArgument;
import io.ampjava.types.Descriptor;
import io.ampjava.types.DescriptorArgument;
import io.ampjava.types.LongArgument;
import io.ampjava.wire.Box;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for {@code amp-peer.jar serve/bench}, used by the harness only until the conformance
 * peer lands: {@code Sum} and {@code WriteDescriptor} with hand-written codecs shaped like the
 * processor's output. Same command line and output as the peer.
 */
public final class InterimPeer {
    record SumArguments(long a, long b) {}

    record SumResult(long total) {}

    record WriteArguments(Descriptor fd, byte[] data) {}

    record WriteResult(long written) {}

    private static final byte[] A = bytes("a");
    private static final byte[] B = bytes("b");
    private static final byte[] TOTAL = bytes("total");
    private static final byte[] FD = bytes("fd");
    private static final byte[] DATA = bytes("data");
    private static final byte[] WRITTEN = bytes("written");

    static final Command<SumArguments, SumResult> SUM = Command.builder("Sum",
            new BoxCodec<SumArguments>() {
                @Override
                public void write(SumArguments value, Box box, ArgumentContext context) {
                    box.put(A, LongArgument.encode(value.a()));
                    box.put(B, LongArgument.encode(value.b()));
                }

                @Override
                public SumArguments read(Box box, ArgumentContext context) {
                    return new SumArguments(LongArgument.decode(required(box, A)), LongArgument.decode(required(box, B)));
                }
            },
            new BoxCodec<SumResult>() {
                @Override
                public void write(SumResult value, Box box, ArgumentContext context) {
                    box.put(TOTAL, LongArgument.encode(value.total()));
                }

                @Override
                public SumResult read(Box box, ArgumentContext context) {
                    return new SumResult(LongArgument.decode(required(box, TOTAL)));
                }
            }).build();

    static final Command<WriteArguments, WriteResult> WRITE_DESCRIPTOR = Command.builder("WriteDescriptor",
            new BoxCodec<WriteArguments>() {
                @Override
                public void write(WriteArguments value, Box box, ArgumentContext context) {
                    box.put(FD, DescriptorArgument.INSTANCE.toWire(value.fd(), context));
                    box.put(DATA, BytesArgument.INSTANCE.toWire(value.data(), context));
                }

                @Override
                public WriteArguments read(Box box, ArgumentContext context) {
                    return new WriteArguments(DescriptorArgument.INSTANCE.fromWire(required(box, FD), context),
                            required(box, DATA));
                }
            },
            new BoxCodec<WriteResult>() {
                @Override
                public void write(WriteResult value, Box box, ArgumentContext context) {
                    box.put(WRITTEN, LongArgument.encode(value.written()));
                }

                @Override
                public WriteResult read(Box box, ArgumentContext context) {
                    return new WriteResult(LongArgument.decode(required(box, WRITTEN)));
                }
            }).build();

    private InterimPeer() {}

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("serve") && args[1].equals("--unix")) {
            serve(Path.of(args[2]));
            return;
        }
        if (args.length < 1 || !args[0].equals("bench")) {
            throw new IllegalArgumentException("serve --unix PATH | bench --unix PATH --calls N --outstanding K [--command C]");
        }
        Path path = null;
        long calls = 10_000;
        int outstanding = 1;
        String command = "Sum";
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--unix" -> path = Path.of(args[i + 1]);
                case "--calls" -> calls = Long.parseLong(args[i + 1]);
                case "--outstanding" -> outstanding = Integer.parseInt(args[i + 1]);
                case "--command" -> command = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        bench(path, calls, outstanding, command);
    }

    private static void serve(Path path) throws IOException {
        ResponderLocator locator = name -> switch (name) {
            case "Sum" -> Responders.ofSync(SUM, (arguments, connection) -> new SumResult(arguments.a() + arguments.b()));
            case "WriteDescriptor" -> Responders.ofSync(WRITE_DESCRIPTOR, (arguments, connection) -> {
                try (Descriptor fd = arguments.fd()) {
                    fd.write(arguments.data());
                }
                return new WriteResult(arguments.data().length);
            });
            default -> null;
        };
        AmpServer server = Amp.listenUnix(path, () -> locator);
        System.out.println("READY unix:" + path);
        System.out.flush();
        server.closeFuture().join();
    }

    /** K calls in flight; each answer sends the next call from the completing thread. */
    private static void bench(Path path, long calls, int outstanding, String command) throws Exception {
        try (AmpConnection connection = Amp.connectUnix(path, ResponderLocator.NONE);
                Descriptor devNull = Descriptor.openForWriting(Path.of("/dev/null"))) {
            byte[] data = "ping".getBytes(StandardCharsets.US_ASCII);
            boolean sum = command.equals("Sum");
            long[] latencies = outstanding == 1 ? new long[Math.toIntExact(calls)] : null;
            AtomicLong sent = new AtomicLong();
            AtomicLong answered = new AtomicLong();
            CompletableFuture<Void> done = new CompletableFuture<>();
            Runnable[] next = new Runnable[1];
            next[0] = () -> {
                long index = sent.getAndIncrement();
                if (index >= calls) {
                    return;
                }
                long sentAt = System.nanoTime();
                CompletableFuture<?> call = sum
                        ? connection.callRemote(SUM, new SumArguments(13, 81))
                        : connection.callRemote(WRITE_DESCRIPTOR, new WriteArguments(devNull, data));
                call.whenComplete((answer, failure) -> {
                    if (failure != null) {
                        done.completeExceptionally(failure);
                        return;
                    }
                    long count = answered.incrementAndGet();
                    if (latencies != null) {
                        latencies[(int) (count - 1)] = System.nanoTime() - sentAt;
                    }
                    if (count == calls) {
                        done.complete(null);
                    } else {
                        next[0].run();
                    }
                });
            };
            long start = System.nanoTime();
            for (int i = 0; i < outstanding; i++) {
                next[0].run();
            }
            done.get(10, TimeUnit.MINUTES);
            long elapsed = System.nanoTime() - start;
            if (latencies != null) {
                Arrays.sort(latencies);
                System.out.printf("latency p50 us: %.1f%n", latencies[(int) (calls * 0.50)] / 1e3);
                System.out.printf("latency p99 us: %.1f%n", latencies[(int) (calls * 0.99)] / 1e3);
            }
            System.out.printf("calls/s: %.0f%n", calls / (elapsed / 1e9));
        }
    }

    private static byte[] required(Box box, byte[] key) {
        byte[] value = box.get(key);
        if (value == null) {
            throw BadArgumentException.missing(new String(key, StandardCharsets.UTF_8));
        }
        return value;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
