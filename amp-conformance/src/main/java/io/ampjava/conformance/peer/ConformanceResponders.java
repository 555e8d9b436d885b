package io.ampjava.conformance.peer;

import io.ampjava.annotations.Responder;
import io.ampjava.conformance.commands.Blob;
import io.ampjava.conformance.commands.BlobCommand;
import io.ampjava.conformance.commands.Callback;
import io.ampjava.conformance.commands.CallbackCommand;
import io.ampjava.conformance.commands.DeclaredFailure;
import io.ampjava.conformance.commands.Delay;
import io.ampjava.conformance.commands.DelayCommand;
import io.ampjava.conformance.commands.Divide;
import io.ampjava.conformance.commands.DivideCommand;
import io.ampjava.conformance.commands.EchoLarge;
import io.ampjava.conformance.commands.EchoLargeCommand;
import io.ampjava.conformance.commands.EchoTypes;
import io.ampjava.conformance.commands.EchoTypesCommand;
import io.ampjava.conformance.commands.Fail;
import io.ampjava.conformance.commands.FatalFailure;
import io.ampjava.conformance.commands.Goodbye;
import io.ampjava.conformance.commands.LastNotified;
import io.ampjava.conformance.commands.LastNotifiedCommand;
import io.ampjava.conformance.commands.Notify;
import io.ampjava.conformance.commands.Sum;
import io.ampjava.conformance.commands.SumCommand;
import io.ampjava.conformance.commands.TooBig;
import io.ampjava.conformance.commands.WriteDescriptor;
import io.ampjava.conformance.commands.WriteDescriptorCommand;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.RemoteAmpException;
import io.ampjava.dispatch.UnknownRemoteErrorException;
import io.ampjava.types.Descriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The conformance commands, answered as the command table says. One instance per connection: it
 * holds that connection's {@code Notify} memory. OpenDescriptor is answered by
 * {@link OpenDescriptorResponder}, because its descriptor must be closed after it is sent.
 */
final class ConformanceResponders {
    /** Blob bytes are {@code i mod 251}: a prime period, unlike any power of two a bug might have. */
    static final int BLOB_MODULUS = 251;
    static final int BLOB_MAX = 0xFFFF;

    private final PeerExecutors executors;
    private volatile BigInteger lastNotified;

    ConformanceResponders(PeerExecutors executors) {
        this.executors = executors;
    }

    @Responder(Sum.class)
    Sum.Result sum(BigInteger a, BigInteger b) {
        return SumCommand.response(a.add(b));
    }

    @Responder(Divide.class)
    Divide.Result divide(BigInteger numerator, BigInteger denominator) {
        return DivideCommand.response(TrueDivision.divide(numerator, denominator));
    }

    @Responder(EchoTypes.class)
    EchoTypes.Echoed echoTypes(EchoTypes arguments) {
        // Twisted decodes a Path into a FilePath, which is absolute and normalized; do the same, so
        // the answer is Twisted's. (io.ampjava's Path type itself keeps a path as it was sent.)
        Path path = arguments.path() == null ? null : arguments.path().toAbsolutePath().normalize();
        return EchoTypesCommand.response(
                arguments.integer(),
                arguments.string(),
                arguments.unicode(),
                arguments.booleanValue(),
                arguments.floatValue(),
                arguments.decimal(),
                arguments.datetime(),
                path,
                arguments.integers(),
                arguments.unicodes(),
                arguments.decimals(),
                arguments.datetimes(),
                arguments.items(),
                arguments.nested());
    }

    @Responder(Fail.class)
    void fail(String mode) {
        switch (mode) {
            case "declared" -> throw new DeclaredFailure("declared failure");
            case "fatal" -> throw new FatalFailure("fatal failure");
            case "undeclared" -> throw new IllegalStateException("undeclared failure");
            default -> {
                // any other mode: an empty answer
            }
        }
    }

    @Responder(Notify.class)
    void notify(BigInteger value) {
        lastNotified = value;
    }

    @Responder(LastNotified.class)
    LastNotified.Result lastNotified() {
        return LastNotifiedCommand.response(lastNotified);
    }

    @Responder(Delay.class)
    CompletionStage<Delay.Result> delay(BigInteger millis, BigInteger token) {
        CompletableFuture<Delay.Result> answer = new CompletableFuture<>();
        executors.timer().schedule(() -> answer.complete(DelayCommand.response(token)), clampedMillis(millis),
                TimeUnit.MILLISECONDS);
        return answer;
    }

    @Responder(Goodbye.class)
    void goodbye() {
        // The command closes the connection once this empty answer is written.
    }

    @Responder(WriteDescriptor.class)
    CompletionStage<WriteDescriptor.Result> writeDescriptor(Descriptor fd, byte[] data) throws IOException {
        if (WriteTargets.neverBlock(fd)) {
            // A file or /dev/null takes the bytes at once: answer here, without a hop to the pool.
            try (fd) {
                fd.write(data);
            }
            return CompletableFuture.completedFuture(WriteDescriptorCommand.response(data.length));
        }
        // A pipe whose reader is slow would block the write: not on the reader thread.
        return CompletableFuture.supplyAsync(() -> {
            try (fd) {
                fd.write(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return WriteDescriptorCommand.response(data.length);
        }, executors.blocking());
    }

    @Responder(Callback.class)
    CompletionStage<Callback.Result> callback(BigInteger a, BigInteger b, AmpConnection connection) {
        return SumCommand.call(connection, a, b).handle((sum, failure) -> {
            if (failure != null) {
                throw new CompletionException(asTwistedForwards(failure));
            }
            return CallbackCommand.response(sum.total());
        });
    }

    @Responder(Blob.class)
    Blob.Result blob(BigInteger size) {
        if (size.compareTo(BigInteger.valueOf(BLOB_MAX)) > 0) {
            throw new TooBig("size too big");
        }
        // Like Python's range(size), a negative size gives no bytes.
        byte[] data = new byte[size.signum() < 0 ? 0 : size.intValueExact()];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % BLOB_MODULUS);
        }
        return BlobCommand.response(data);
    }

    @Responder(EchoLarge.class)
    EchoLarge.Echoed echoLarge(byte[] data, String text) {
        try {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
            return EchoLargeCommand.response(data, text, digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static long clampedMillis(BigInteger millis) {
        if (millis.signum() <= 0) {
            return 0;
        }
        return millis.bitLength() < Long.SIZE ? millis.longValue() : Long.MAX_VALUE;
    }

    /**
     * What a Twisted responder that lets its callRemote's failure escape would answer. Twisted turns
     * any code a command does not declare into an UnknownRemoteError whose code is {@code UNKNOWN}
     * (keeping the description) and, being a RemoteAmpError, it is forwarded as it is, not fatal.
     * io.ampjava's UnknownRemoteErrorException keeps the peer's real code instead, so rewrite it;
     * anything else (UNHANDLED, a lost connection) is undeclared here: UNKNOWN and a close.
     */
    private static Throwable asTwistedForwards(Throwable failure) {
        while (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure instanceof UnknownRemoteErrorException unknown) {
            return new RemoteAmpException("UNKNOWN", unknown.description(), false);
        }
        return failure;
    }
}
