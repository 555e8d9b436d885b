package opts;

import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.BlockingCalls;
import io.ampjava.dispatch.CallTimeoutException;
import io.ampjava.dispatch.Command;
import io.ampjava.dispatch.ConnectionLostException;
import io.ampjava.dispatch.ErrorSpec;
import io.ampjava.dispatch.UnhandledCommandException;
import io.ampjava.dispatch.UnknownRemoteErrorException;
import io.ampjava.schema.AmpType;
import io.ampjava.schema.FieldSchema;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.BadArgumentException;
import io.ampjava.types.BoxCodec;
import io.ampjava.types.BytesArgument;
import io.ampjava.types.IntArgument;
import io.ampjava.types.LongArgument;
import io.ampjava.types.UnicodeArgument;
import io.ampjava.wire.Box;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.annotation.processing.Generated;

/**
 * The AMP command {@link StoreBlob}, wire name <code>store-blob</code>:
 * its descriptor, values and calls.
 */
@Generated("io.ampjava.processor.AmpProcessor")
public final class StoreBlobCommand {
    /**
     * {@link StoreBlob} as the runtime sees it: wire name, codecs, declared errors and schema.
     */
    public static final Command<StoreBlob, StoreBlob.Stored> COMMAND =
            Command.builder("store-blob", StoreBlobCodec.INSTANCE, StoredCodec.INSTANCE)
                    .error(ErrorSpec.fatal("NO_SPACE", IOException.class, IOException::new))
                    .error(ErrorSpec.of("REFUSED", RefusedException.class,
                            description -> new RefusedException()))
                    .error(ErrorSpec.of("BAD", IllegalArgumentException.class,
                            IllegalArgumentException::new))
                    .schema(StoreBlobCodec.FIELDS, StoredCodec.FIELDS)
                    .build();

    private StoreBlobCommand() {
    }

    /**
     * The arguments of {@link StoreBlob}, to pass to {@link AmpConnection#callRemote}.
     *
     * @param dashArg required (on the wire: <code>dash-arg</code>)
     * @param data required (on the wire: <code>print</code>)
     * @param connection required
     * @param e required
     * @param cause required
     * @param URL optional: null leaves it out
     * @throws NullPointerException if a required argument is null
     */
    public static StoreBlob arguments(String dashArg, byte[] data, String connection, long e,
            int cause, String URL) {
        return new StoreBlobValue(dashArg, data, connection, e, cause, URL);
    }

    /**
     * The response of {@link StoreBlob}, for a responder to return.
     *
     * @param bytesWritten required (on the wire: <code>bytes-written</code>)
     */
    public static StoreBlob.Stored response(long bytesWritten) {
        return new StoredValue(bytesWritten);
    }

    /**
     * Calls {@link StoreBlob} on the peer of {@code connection_}.
     *
     * <p>The future completes with the response, or exceptionally with
     * {@link NullPointerException} if a required argument is null (nothing is sent),
     * {@link IOException} (error <code>NO_SPACE</code>, after which the peer closes the connection),
     * {@link RefusedException} (error <code>REFUSED</code>),
     * {@link IllegalArgumentException} (error <code>BAD</code>),
     * {@link UnhandledCommandException} if the peer does not know the command,
     * {@link UnknownRemoteErrorException} for any other error code,
     * or {@link ConnectionLostException} if the connection closes first.
     *
     * @param connection_ the connection to call on
     * @param dashArg required (on the wire: <code>dash-arg</code>)
     * @param data required (on the wire: <code>print</code>)
     * @param connection required
     * @param e required
     * @param cause required
     * @param URL optional: null leaves it out
     * @return the answer to come
     */
    public static CompletableFuture<StoreBlob.Stored> call(AmpConnection connection_,
            String dashArg, byte[] data, String connection, long e, int cause, String URL) {
        StoreBlob arguments;
        try {
            arguments = arguments(dashArg, data, connection, e, cause, URL);
        } catch (NullPointerException failure) {
            return CompletableFuture.failedFuture(failure);
        }
        return connection_.callRemote(StoreBlobCommand.COMMAND, arguments);
    }

    /**
     * Calls {@link StoreBlob} on the peer of {@code connection_}
     * and waits for the answer, without a time limit (a closing connection fails every call it has
     * not answered) and without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection_ the connection to call on
     * @param dashArg required (on the wire: <code>dash-arg</code>)
     * @param data required (on the wire: <code>print</code>)
     * @param connection required
     * @param e required
     * @param cause required
     * @param URL optional: null leaves it out
     * @return the response
     * @throws IOException if the peer answers the error <code>NO_SPACE</code>
     * @throws RefusedException if the peer answers the error <code>REFUSED</code>
     * @throws IllegalArgumentException if the peer answers the error <code>BAD</code>
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws NullPointerException if a required argument is null (nothing is sent)
     */
    public static StoreBlob.Stored callBlocking(AmpConnection connection_, String dashArg,
            byte[] data, String connection, long e, int cause, String URL) throws IOException,
            RefusedException {
        try {
            return BlockingCalls.await(call(connection_, dashArg, data, connection, e, cause, URL));
        } catch (CompletionException failure) {
            BlockingCalls.throwIfCause(failure, IOException.class);
            BlockingCalls.throwIfCause(failure, RefusedException.class);
            throw failure;
        }
    }

    /**
     * Calls {@link StoreBlob} on the peer of {@code connection_}
     * and waits at most {@code timeout} for the answer, without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection_ the connection to call on
     * @param timeout how long to wait for the answer
     * @param dashArg required (on the wire: <code>dash-arg</code>)
     * @param data required (on the wire: <code>print</code>)
     * @param connection required
     * @param e required
     * @param cause required
     * @param URL optional: null leaves it out
     * @return the response
     * @throws IOException if the peer answers the error <code>NO_SPACE</code>
     * @throws RefusedException if the peer answers the error <code>REFUSED</code>
     * @throws IllegalArgumentException if the peer answers the error <code>BAD</code>
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws CallTimeoutException if no answer comes within {@code timeout} (the call is given up)
     * @throws NullPointerException if a required argument is null (nothing is sent)
     */
    public static StoreBlob.Stored callBlocking(AmpConnection connection_, Duration timeout,
            String dashArg, byte[] data, String connection, long e, int cause, String URL) throws
            IOException, RefusedException {
        try {
            return BlockingCalls.await(call(connection_, dashArg, data, connection, e, cause, URL),
                    timeout, StoreBlobCommand.COMMAND, connection_);
        } catch (CompletionException failure) {
            BlockingCalls.throwIfCause(failure, IOException.class);
            BlockingCalls.throwIfCause(failure, RefusedException.class);
            throw failure;
        }
    }

    private record StoreBlobValue(String dashArg, byte[] data, String connection, long e, int cause,
            String URL) implements StoreBlob {
        StoreBlobValue {
            Objects.requireNonNull(dashArg, "required argument 'dashArg' is null");
            Objects.requireNonNull(data, "required argument 'data' is null");
            Objects.requireNonNull(connection, "required argument 'connection' is null");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StoreBlobValue that
                    && Objects.equals(dashArg, that.dashArg)
                    && Arrays.equals(data, that.data)
                    && Objects.equals(connection, that.connection)
                    && e == that.e
                    && cause == that.cause
                    && Objects.equals(URL, that.URL);
        }

        @Override
        public int hashCode() {
            return Objects.hash(dashArg, Arrays.hashCode(data), connection, e, cause, URL);
        }

        @Override
        public String toString() {
            return "StoreBlob[dashArg=" + dashArg + ", data=" + Arrays.toString(data) +
                    ", connection=" + connection + ", e=" + e + ", cause=" + cause + ", URL=" +
                    URL + "]";
        }
    }

    private record StoredValue(long bytesWritten) implements StoreBlob.Stored {
        @Override
        public String toString() {
            return "StoreBlob.Stored[bytesWritten=" + bytesWritten + "]";
        }
    }

    private static final class StoreBlobCodec implements BoxCodec<StoreBlob> {
        static final StoreBlobCodec INSTANCE = new StoreBlobCodec();

        private static final byte[] DASH_ARG = "dash-arg".getBytes(StandardCharsets.UTF_8);

        private static final byte[] DATA = "print".getBytes(StandardCharsets.UTF_8);

        private static final byte[] CONNECTION = "connection".getBytes(StandardCharsets.UTF_8);

        private static final byte[] E = "e".getBytes(StandardCharsets.UTF_8);

        private static final byte[] CAUSE = "cause".getBytes(StandardCharsets.UTF_8);

        private static final byte[] URL = "URL".getBytes(StandardCharsets.UTF_8);

        static final List<FieldSchema> FIELDS = List.of(
                FieldSchema.required("dash-arg", AmpType.UNICODE),
                FieldSchema.required("print", AmpType.STRING),
                FieldSchema.required("connection", AmpType.UNICODE),
                FieldSchema.required("e", AmpType.INTEGER),
                FieldSchema.required("cause", AmpType.INTEGER),
                FieldSchema.optional("URL", AmpType.UNICODE));

        private StoreBlobCodec() {
        }

        @Override
        public void write(StoreBlob value, Box box, ArgumentContext context) {
            String dashArg = Objects.requireNonNull(value.dashArg(),
                    "required argument 'dashArg' is null");
            box.put(DASH_ARG, UnicodeArgument.INSTANCE.toWire(dashArg, context));
            byte[] data = Objects.requireNonNull(value.data(), "required argument 'data' is null");
            box.put(DATA, BytesArgument.INSTANCE.toWire(data, context));
            String connection = Objects.requireNonNull(value.connection(),
                    "required argument 'connection' is null");
            box.put(CONNECTION, UnicodeArgument.INSTANCE.toWire(connection, context));
            box.put(E, LongArgument.encode(value.e()));
            box.put(CAUSE, IntArgument.encode(value.cause()));
            String URL_ = value.URL();
            if (URL_ != null) {
                box.put(URL, UnicodeArgument.INSTANCE.toWire(URL_, context));
            }
        }

        @Override
        public StoreBlob read(Box box, ArgumentContext context) {
            byte[] dashArg = box.get(DASH_ARG);
            if (dashArg == null) {
                throw BadArgumentException.missing("dash-arg");
            }
            byte[] data = box.get(DATA);
            if (data == null) {
                throw BadArgumentException.missing("print");
            }
            byte[] connection = box.get(CONNECTION);
            if (connection == null) {
                throw BadArgumentException.missing("connection");
            }
            byte[] e = box.get(E);
            if (e == null) {
                throw BadArgumentException.missing("e");
            }
            byte[] cause = box.get(CAUSE);
            if (cause == null) {
                throw BadArgumentException.missing("cause");
            }
            byte[] URL_ = box.get(URL);
            return new StoreBlobValue(UnicodeArgument.INSTANCE.fromWire(dashArg, context),
                    BytesArgument.INSTANCE.fromWire(data, context),
                    UnicodeArgument.INSTANCE.fromWire(connection, context), LongArgument.decode(e),
                    IntArgument.decode(cause),
                    URL_ == null ? null : UnicodeArgument.INSTANCE.fromWire(URL_, context));
        }
    }

    private static final class StoredCodec implements BoxCodec<StoreBlob.Stored> {
        static final StoredCodec INSTANCE = new StoredCodec();

        private static final byte[] BYTES_WRITTEN = "bytes-written".getBytes(StandardCharsets.UTF_8);

        static final List<FieldSchema> FIELDS = List.of(FieldSchema.required("bytes-written", AmpType.INTEGER));

        private StoredCodec() {
        }

        @Override
        public void write(StoreBlob.Stored value, Box box, ArgumentContext context) {
            box.put(BYTES_WRITTEN, LongArgument.encode(value.bytesWritten()));
        }

        @Override
        public StoreBlob.Stored read(Box box, ArgumentContext context) {
            byte[] bytesWritten = box.get(BYTES_WRITTEN);
            if (bytesWritten == null) {
                throw BadArgumentException.missing("bytes-written");
            }
            return new StoredValue(LongArgument.decode(bytesWritten));
        }
    }
}
