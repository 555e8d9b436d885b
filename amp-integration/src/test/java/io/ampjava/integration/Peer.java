package io.ampjava.integration;

import io.ampjava.annotations.Responder;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.types.Descriptor;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The serving side of the end-to-end tests: one instance per connection (it remembers the last
 * {@link Notify}). Arithmetic lives in {@link Arithmetic}, so {@link PeerLocator} also shows inherited
 * responders.
 */
public class Peer extends Arithmetic implements AutoCloseable {
    private final List<Descriptor> opened = new CopyOnWriteArrayList<>();
    private volatile Long lastNotified;

    @Responder(Fail.class)
    void fail(String mode) throws CheckedFailure {
        switch (mode) {
            case "declared" -> throw new DeclaredFailure("declared failure");
            case "fatal" -> throw new FatalFailure("fatal failure");
            case "undeclared" -> throw new IllegalStateException("not declared");
            case "checked" -> throw new CheckedFailure("checked failure");
            default -> {
                // an empty answer
            }
        }
    }

    @Responder(Divide.class)
    Divide.Result divide(long numerator, long denominator) {
        if (denominator == 0) {
            throw new ArithmeticException("division by zero");
        }
        return DivideCommand.response((double) numerator / denominator);
    }

    @Responder(Notify.class)
    void notify(long value) {
        lastNotified = value;
    }

    @Responder(LastNotified.class)
    LastNotified.Last lastNotified() {
        return LastNotifiedCommand.response(lastNotified);
    }

    @Responder(Delay.class)
    CompletionStage<Delay.Done> delay(long millis, long token) {
        // Answers later from another thread; the reader thread goes on with other requests meanwhile.
        return CompletableFuture.supplyAsync(() -> DelayCommand.response(token),
                CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS));
    }

    @Responder(Goodbye.class)
    void goodbye() {}

    @Responder(WriteDescriptor.class)
    WriteDescriptor.Written write(Descriptor fd, byte[] data) throws IOException {
        try (fd) {
            fd.write(data);
        }
        return WriteDescriptorCommand.response(data.length);
    }

    @Responder(OpenDescriptor.class)
    OpenDescriptor.Opened open(Path path) throws IOException {
        // The connection sends a duplicate while encoding the answer; this copy stays ours to close.
        Descriptor fd = Descriptor.openForReading(path);
        opened.add(fd);
        return OpenDescriptorCommand.response(fd);
    }

    @Responder(Callback.class)
    CompletionStage<Callback.Total> callback(BigInteger a, BigInteger b, AmpConnection connection) {
        return SumCommand.call(connection, a, b).thenApply(sum -> CallbackCommand.response(sum.total()));
    }

    @Responder(Blob.class)
    Blob.Data blob(int size) {
        if (size < 0 || size > 65535) {
            throw new IllegalArgumentException("size too big");
        }
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i % 251);
        }
        return BlobCommand.response(data);
    }

    @Responder(Echo.class)
    Echo.Echoed echo(Echo arguments) {
        return EchoCommand.response(arguments.integer(), arguments.string(), arguments.unicode(), arguments.bool(),
                arguments.floating(), arguments.decimal(), arguments.datetime(), arguments.filePath(),
                arguments.integers(), arguments.unicodes(), arguments.decimals(), arguments.datetimes(),
                arguments.items(), arguments.nested());
    }

    /** Closes the descriptors this peer opened. */
    @Override
    public void close() {
        opened.forEach(Descriptor::close);
    }
}
