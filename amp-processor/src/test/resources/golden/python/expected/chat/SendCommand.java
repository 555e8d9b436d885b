package chat;

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
import io.ampjava.types.AmpListArgument;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.ArgumentType;
import io.ampjava.types.BadArgumentException;
import io.ampjava.types.BoxCodec;
import io.ampjava.types.LargeValue;
import io.ampjava.types.ListOfArgument;
import io.ampjava.types.LongArgument;
import io.ampjava.types.UnicodeArgument;
import io.ampjava.wire.Box;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.annotation.processing.Generated;

/**
 * The AMP command {@link Send}, wire name <code>Send</code>:
 * its descriptor, values and calls.
 */
@Generated("io.ampjava.processor.AmpProcessor")
public final class SendCommand {
    /**
     * {@link Send} as the runtime sees it: wire name, codecs, declared errors and schema.
     */
    public static final Command<Send, Send.Receipt> COMMAND =
            Command.builder("Send", SendCodec.INSTANCE, ReceiptCodec.INSTANCE)
                    .error(ErrorSpec.of("QUOTA", QuotaException.class, QuotaException::new))
                    .error(ErrorSpec.fatal("BANNED", Banned.class, Banned::new))
                    .error(ErrorSpec.of("BAD", IllegalArgumentException.class,
                            IllegalArgumentException::new))
                    .schema(SendCodec.FIELDS, ReceiptCodec.FIELDS)
                    .build();

    private SendCommand() {
    }

    /**
     * The arguments of {@link Send}, to pass to {@link AmpConnection#callRemote}.
     *
     * @param channel required
     * @param text required, large
     * @param attachment optional: null leaves it out, large (on the wire: <code>attachment-data</code>)
     * @param mentions optional: null leaves it out
     * @param tags required
     * @throws NullPointerException if a required argument is null or a list holds null
     */
    public static Send arguments(String channel, String text, byte[] attachment,
            List<String> mentions, List<Send.Tag> tags) {
        return new SendValue(channel, text, attachment, mentions, tags);
    }

    /**
     * The response of {@link Send}, for a responder to return.
     *
     * @param id required
     * @param echo optional: null leaves it out, large
     */
    public static Send.Receipt response(long id, byte[] echo) {
        return new ReceiptValue(id, echo);
    }

    /**
     * One element of an AmpList of {@link Send.Tag.Part}, as
     * {@link Send_Tag_PartElement#of} makes it: equal to the elements of any other command with the same values.
     *
     * @param offset required
     */
    public static Send.Tag.Part part(long offset) {
        return Send_Tag_PartElement.of(offset);
    }

    /**
     * One element of an AmpList of {@link Send.Tag}, as
     * {@link Send_TagElement#of} makes it: equal to the elements of any other command with the same values.
     *
     * @param name required
     * @param parts optional: null leaves it out
     * @throws NullPointerException if a required argument is null or a list holds null
     */
    public static Send.Tag tag(String name, List<Send.Tag.Part> parts) {
        return Send_TagElement.of(name, parts);
    }

    /**
     * Calls {@link Send} on the peer of {@code connection}.
     *
     * <p>The future completes with the response, or exceptionally with
     * {@link NullPointerException} if a required argument is null or a list holds null (nothing is sent),
     * {@link QuotaException} (error <code>QUOTA</code>),
     * {@link Banned} (error <code>BANNED</code>, after which the peer closes the connection),
     * {@link IllegalArgumentException} (error <code>BAD</code>),
     * {@link UnhandledCommandException} if the peer does not know the command,
     * {@link UnknownRemoteErrorException} for any other error code,
     * or {@link ConnectionLostException} if the connection closes first.
     *
     * @param connection the connection to call on
     * @param channel required
     * @param text required, large
     * @param attachment optional: null leaves it out, large (on the wire: <code>attachment-data</code>)
     * @param mentions optional: null leaves it out
     * @param tags required
     * @return the answer to come
     */
    public static CompletableFuture<Send.Receipt> call(AmpConnection connection, String channel,
            String text, byte[] attachment, List<String> mentions, List<Send.Tag> tags) {
        Send arguments;
        try {
            arguments = arguments(channel, text, attachment, mentions, tags);
        } catch (NullPointerException failure) {
            return CompletableFuture.failedFuture(failure);
        }
        return connection.callRemote(SendCommand.COMMAND, arguments);
    }

    /**
     * Calls {@link Send} on the peer of {@code connection}
     * and waits for the answer, without a time limit (a closing connection fails every call it has
     * not answered) and without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param channel required
     * @param text required, large
     * @param attachment optional: null leaves it out, large (on the wire: <code>attachment-data</code>)
     * @param mentions optional: null leaves it out
     * @param tags required
     * @return the response
     * @throws QuotaException if the peer answers the error <code>QUOTA</code>
     * @throws Banned if the peer answers the error <code>BANNED</code>
     * @throws IllegalArgumentException if the peer answers the error <code>BAD</code>
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws NullPointerException if a required argument is null or a list holds null (nothing is sent)
     */
    public static Send.Receipt callBlocking(AmpConnection connection, String channel, String text,
            byte[] attachment, List<String> mentions, List<Send.Tag> tags) throws Banned {
        try {
            return BlockingCalls.await(call(connection, channel, text, attachment, mentions, tags));
        } catch (CompletionException failure) {
            BlockingCalls.throwIfCause(failure, Banned.class);
            throw failure;
        }
    }

    /**
     * Calls {@link Send} on the peer of {@code connection}
     * and waits at most {@code timeout} for the answer, without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param timeout how long to wait for the answer
     * @param channel required
     * @param text required, large
     * @param attachment optional: null leaves it out, large (on the wire: <code>attachment-data</code>)
     * @param mentions optional: null leaves it out
     * @param tags required
     * @return the response
     * @throws QuotaException if the peer answers the error <code>QUOTA</code>
     * @throws Banned if the peer answers the error <code>BANNED</code>
     * @throws IllegalArgumentException if the peer answers the error <code>BAD</code>
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws CallTimeoutException if no answer comes within {@code timeout} (the call is given up)
     * @throws NullPointerException if a required argument is null or a list holds null (nothing is sent)
     */
    public static Send.Receipt callBlocking(AmpConnection connection, Duration timeout,
            String channel, String text, byte[] attachment, List<String> mentions,
            List<Send.Tag> tags) throws Banned {
        try {
            return BlockingCalls.await(call(connection, channel, text, attachment, mentions, tags),
                    timeout, SendCommand.COMMAND, connection);
        } catch (CompletionException failure) {
            BlockingCalls.throwIfCause(failure, Banned.class);
            throw failure;
        }
    }

    private record SendValue(String channel, String text, byte[] attachment, List<String> mentions,
            List<Send.Tag> tags) implements Send {
        SendValue {
            Objects.requireNonNull(channel, "required argument 'channel' is null");
            Objects.requireNonNull(text, "required argument 'text' is null");
            mentions = mentions == null ? null : List.copyOf(mentions);
            tags = List.copyOf(Objects.requireNonNull(tags, "required argument 'tags' is null"));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SendValue that
                    && Objects.equals(channel, that.channel)
                    && Objects.equals(text, that.text)
                    && Arrays.equals(attachment, that.attachment)
                    && Objects.equals(mentions, that.mentions)
                    && Objects.equals(tags, that.tags);
        }

        @Override
        public int hashCode() {
            return Objects.hash(channel, text, Arrays.hashCode(attachment), mentions, tags);
        }

        @Override
        public String toString() {
            return "Send[channel=" + channel + ", text=" + (text.length() + " chars") +
                    ", attachment=" + (attachment == null ? "null" : attachment.length + " bytes") +
                    ", mentions=" + mentions + ", tags=" + tags + "]";
        }
    }

    private record ReceiptValue(long id, byte[] echo) implements Send.Receipt {
        @Override
        public boolean equals(Object other) {
            return other instanceof ReceiptValue that
                    && id == that.id
                    && Arrays.equals(echo, that.echo);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, Arrays.hashCode(echo));
        }

        @Override
        public String toString() {
            return "Send.Receipt[id=" + id + ", echo=" +
                    (echo == null ? "null" : echo.length + " bytes") + "]";
        }
    }

    private static final class SendCodec implements BoxCodec<Send> {
        static final SendCodec INSTANCE = new SendCodec();

        private static final byte[] CHANNEL = "channel".getBytes(StandardCharsets.UTF_8);

        private static final byte[] TEXT = "text".getBytes(StandardCharsets.UTF_8);

        private static final byte[] ATTACHMENT = "attachment-data".getBytes(StandardCharsets.UTF_8);

        private static final byte[] MENTIONS = "mentions".getBytes(StandardCharsets.UTF_8);

        private static final byte[] TAGS = "tags".getBytes(StandardCharsets.UTF_8);

        private static final ArgumentType<List<String>> MENTIONS_TYPE =
                new ListOfArgument<>(UnicodeArgument.INSTANCE);

        private static final ArgumentType<List<Send.Tag>> TAGS_TYPE =
                new AmpListArgument<>(Send_TagElement.CODEC);

        static final List<FieldSchema> FIELDS = List.of(
                FieldSchema.required("channel", AmpType.UNICODE),
                FieldSchema.required("text", AmpType.LARGE_UNICODE),
                FieldSchema.optional("attachment-data", AmpType.LARGE_STRING),
                FieldSchema.optional("mentions", AmpType.listOf(AmpType.UNICODE)),
                FieldSchema.required("tags", AmpType.ampList(Send_TagElement.FIELDS)));

        private SendCodec() {
        }

        @Override
        public void write(Send value, Box box, ArgumentContext context) {
            String channel = Objects.requireNonNull(value.channel(),
                    "required argument 'channel' is null");
            box.put(CHANNEL, UnicodeArgument.INSTANCE.toWire(channel, context));
            String text = Objects.requireNonNull(value.text(), "required argument 'text' is null");
            LargeValue.put(box, TEXT, UnicodeArgument.encode(text), context);
            byte[] attachment = value.attachment();
            if (attachment != null) {
                LargeValue.put(box, ATTACHMENT, attachment, context);
            }
            List<String> mentions = value.mentions();
            if (mentions != null) {
                box.put(MENTIONS, MENTIONS_TYPE.toWire(mentions, context));
            }
            List<Send.Tag> tags = Objects.requireNonNull(value.tags(),
                    "required argument 'tags' is null");
            box.put(TAGS, TAGS_TYPE.toWire(tags, context));
        }

        @Override
        public Send read(Box box, ArgumentContext context) {
            byte[] channel = box.get(CHANNEL);
            if (channel == null) {
                throw BadArgumentException.missing("channel");
            }
            byte[] text = LargeValue.get(box, TEXT, context);
            if (text == null) {
                throw BadArgumentException.missing("text");
            }
            byte[] attachment = LargeValue.get(box, ATTACHMENT, context);
            byte[] mentions = box.get(MENTIONS);
            byte[] tags = box.get(TAGS);
            if (tags == null) {
                throw BadArgumentException.missing("tags");
            }
            return new SendValue(UnicodeArgument.INSTANCE.fromWire(channel, context),
                    UnicodeArgument.decode(text), attachment == null ? null : attachment,
                    mentions == null ? null : MENTIONS_TYPE.fromWire(mentions, context),
                    TAGS_TYPE.fromWire(tags, context));
        }
    }

    private static final class ReceiptCodec implements BoxCodec<Send.Receipt> {
        static final ReceiptCodec INSTANCE = new ReceiptCodec();

        private static final byte[] ID = "id".getBytes(StandardCharsets.UTF_8);

        private static final byte[] ECHO = "echo".getBytes(StandardCharsets.UTF_8);

        static final List<FieldSchema> FIELDS = List.of(
                FieldSchema.required("id", AmpType.INTEGER),
                FieldSchema.optional("echo", AmpType.LARGE_STRING));

        private ReceiptCodec() {
        }

        @Override
        public void write(Send.Receipt value, Box box, ArgumentContext context) {
            box.put(ID, LongArgument.encode(value.id()));
            byte[] echo = value.echo();
            if (echo != null) {
                LargeValue.put(box, ECHO, echo, context);
            }
        }

        @Override
        public Send.Receipt read(Box box, ArgumentContext context) {
            byte[] id = box.get(ID);
            if (id == null) {
                throw BadArgumentException.missing("id");
            }
            byte[] echo = LargeValue.get(box, ECHO, context);
            return new ReceiptValue(LongArgument.decode(id), echo == null ? null : echo);
        }
    }
}
