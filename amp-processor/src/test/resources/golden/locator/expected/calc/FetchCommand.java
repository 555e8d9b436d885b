package calc;

import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.BlockingCalls;
import io.ampjava.dispatch.CallTimeoutException;
import io.ampjava.dispatch.Command;
import io.ampjava.dispatch.ConnectionLostException;
import io.ampjava.dispatch.UnhandledCommandException;
import io.ampjava.dispatch.UnknownRemoteErrorException;
import io.ampjava.schema.AmpType;
import io.ampjava.schema.FieldSchema;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.BadArgumentException;
import io.ampjava.types.BoxCodec;
import io.ampjava.types.BytesArgument;
import io.ampjava.types.UnicodeArgument;
import io.ampjava.wire.Box;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * The AMP command {@link Fetch}, wire name <code>Fetch</code>:
 * its descriptor, values and calls.
 */
@Generated("io.ampjava.processor.AmpProcessor")
public final class FetchCommand {
    /**
     * {@link Fetch} as the runtime sees it: wire name, codecs, declared errors and schema.
     */
    public static final Command<Fetch, Fetch.Page> COMMAND =
            Command.builder("Fetch", FetchCodec.INSTANCE, PageCodec.INSTANCE)
                    .schema(FetchCodec.FIELDS, PageCodec.FIELDS)
                    .build();

    private FetchCommand() {
    }

    /**
     * The arguments of {@link Fetch}, to pass to {@link AmpConnection#callRemote}.
     *
     * @param url required
     * @throws NullPointerException if a required argument is null
     */
    public static Fetch arguments(String url) {
        return new FetchValue(url);
    }

    /**
     * The response of {@link Fetch}, for a responder to return.
     *
     * @param body required
     * @throws NullPointerException if a required argument is null
     */
    public static Fetch.Page response(byte[] body) {
        return new PageValue(body);
    }

    /**
     * Calls {@link Fetch} on the peer of {@code connection}.
     *
     * <p>The future completes with the response, or exceptionally with
     * {@link NullPointerException} if a required argument is null (nothing is sent),
     * {@link UnhandledCommandException} if the peer does not know the command,
     * {@link UnknownRemoteErrorException} for any other error code,
     * or {@link ConnectionLostException} if the connection closes first.
     *
     * @param connection the connection to call on
     * @param url required
     * @return the answer to come
     */
    public static CompletableFuture<Fetch.Page> call(AmpConnection connection, String url) {
        Fetch arguments;
        try {
            arguments = arguments(url);
        } catch (NullPointerException failure) {
            return CompletableFuture.failedFuture(failure);
        }
        return connection.callRemote(FetchCommand.COMMAND, arguments);
    }

    /**
     * Calls {@link Fetch} on the peer of {@code connection}
     * and waits for the answer, without a time limit (a closing connection fails every call it has
     * not answered) and without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param url required
     * @return the response
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws NullPointerException if a required argument is null (nothing is sent)
     */
    public static Fetch.Page callBlocking(AmpConnection connection, String url) {
        return BlockingCalls.await(call(connection, url));
    }

    /**
     * Calls {@link Fetch} on the peer of {@code connection}
     * and waits at most {@code timeout} for the answer, without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param timeout how long to wait for the answer
     * @param url required
     * @return the response
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws CallTimeoutException if no answer comes within {@code timeout} (the call is given up)
     * @throws NullPointerException if a required argument is null (nothing is sent)
     */
    public static Fetch.Page callBlocking(AmpConnection connection, Duration timeout, String url) {
        return BlockingCalls.await(call(connection, url), timeout, FetchCommand.COMMAND,
                connection);
    }

    private record FetchValue(String url) implements Fetch {
        FetchValue {
            Objects.requireNonNull(url, "required argument 'url' is null");
        }

        @Override
        public String toString() {
            return "Fetch[url=" + url + "]";
        }
    }

    private record PageValue(byte[] body) implements Fetch.Page {
        PageValue {
            Objects.requireNonNull(body, "required argument 'body' is null");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PageValue that
                    && Arrays.equals(body, that.body);
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(body));
        }

        @Override
        public String toString() {
            return "Fetch.Page[body=" + Arrays.toString(body) + "]";
        }
    }

    private static final class FetchCodec implements BoxCodec<Fetch> {
        static final FetchCodec INSTANCE = new FetchCodec();

        private static final byte[] URL = "url".getBytes(StandardCharsets.UTF_8);

        static final List<FieldSchema> FIELDS = List.of(FieldSchema.required("url", AmpType.UNICODE));

        private FetchCodec() {
        }

        @Override
        public void write(Fetch value, Box box, ArgumentContext context) {
            String url = Objects.requireNonNull(value.url(), "required argument 'url' is null");
            box.put(URL, UnicodeArgument.INSTANCE.toWire(url, context));
        }

        @Override
        public Fetch read(Box box, ArgumentContext context) {
            byte[] url = box.get(URL);
            if (url == null) {
                throw BadArgumentException.missing("url");
            }
            return new FetchValue(UnicodeArgument.INSTANCE.fromWire(url, context));
        }
    }

    private static final class PageCodec implements BoxCodec<Fetch.Page> {
        static final PageCodec INSTANCE = new PageCodec();

        private static final byte[] BODY = "body".getBytes(StandardCharsets.UTF_8);

        static final List<FieldSchema> FIELDS = List.of(FieldSchema.required("body", AmpType.STRING));

        private PageCodec() {
        }

        @Override
        public void write(Fetch.Page value, Box box, ArgumentContext context) {
            byte[] body = Objects.requireNonNull(value.body(), "required argument 'body' is null");
            box.put(BODY, BytesArgument.INSTANCE.toWire(body, context));
        }

        @Override
        public Fetch.Page read(Box box, ArgumentContext context) {
            byte[] body = box.get(BODY);
            if (body == null) {
                throw BadArgumentException.missing("body");
            }
            return new PageValue(BytesArgument.INSTANCE.fromWire(body, context));
        }
    }
}
