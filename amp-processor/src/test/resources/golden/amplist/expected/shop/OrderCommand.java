package shop;

import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.BlockingCalls;
import io.ampjava.dispatch.CallTimeoutException;
import io.ampjava.dispatch.Command;
import io.ampjava.dispatch.ConnectionLostException;
import io.ampjava.dispatch.UnhandledCommandException;
import io.ampjava.dispatch.UnknownRemoteErrorException;
import io.ampjava.schema.AmpType;
import io.ampjava.schema.FieldSchema;
import io.ampjava.types.AmpListArgument;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.ArgumentType;
import io.ampjava.types.BadArgumentException;
import io.ampjava.types.BoxCodec;
import io.ampjava.types.UnicodeArgument;
import io.ampjava.wire.Box;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * The AMP command {@link Order}, wire name <code>Order</code>:
 * its descriptor, values and calls.
 */
@Generated("io.ampjava.processor.AmpProcessor")
public final class OrderCommand {
    /**
     * {@link Order} as the runtime sees it: wire name, codecs, declared errors and schema.
     */
    public static final Command<Order, Order.Receipt> COMMAND =
            Command.builder("Order", OrderCodec.INSTANCE, ReceiptCodec.INSTANCE)
                    .schema(OrderCodec.FIELDS, ReceiptCodec.FIELDS)
                    .build();

    private OrderCommand() {
    }

    /**
     * The arguments of {@link Order}, to pass to {@link AmpConnection#callRemote}.
     *
     * @param customer required
     * @param lines required
     * @param extras optional: null leaves it out
     * @throws NullPointerException if a required argument is null or a list holds null
     */
    public static Order arguments(String customer, List<Order.Line> lines,
            List<Order.Line> extras) {
        return new OrderValue(customer, lines, extras);
    }

    /**
     * The response of {@link Order}, for a responder to return.
     *
     * @param accepted required
     * @param notes required
     * @throws NullPointerException if a required argument is null or a list holds null
     */
    public static Order.Receipt response(List<Order.Line> accepted, List<Tag> notes) {
        return new ReceiptValue(accepted, notes);
    }

    /**
     * One element of an AmpList of {@link Tag}, as
     * {@link TagElement#of} makes it: equal to the elements of any other command with the same values.
     *
     * @param name required
     * @param value optional: null leaves it out
     * @throws NullPointerException if a required argument is null
     */
    public static Tag tag(String name, String value) {
        return TagElement.of(name, value);
    }

    /**
     * One element of an AmpList of {@link Order.Line}, as
     * {@link Order_LineElement#of} makes it: equal to the elements of any other command with the same values.
     *
     * @param sku required
     * @param quantity required
     * @param tags optional: null leaves it out
     * @throws NullPointerException if a required argument is null or a list holds null
     */
    public static Order.Line line(String sku, int quantity, List<Tag> tags) {
        return Order_LineElement.of(sku, quantity, tags);
    }

    /**
     * Calls {@link Order} on the peer of {@code connection}.
     *
     * <p>The future completes with the response, or exceptionally with
     * {@link NullPointerException} if a required argument is null or a list holds null (nothing is sent),
     * {@link UnhandledCommandException} if the peer does not know the command,
     * {@link UnknownRemoteErrorException} for any other error code,
     * or {@link ConnectionLostException} if the connection closes first.
     *
     * @param connection the connection to call on
     * @param customer required
     * @param lines required
     * @param extras optional: null leaves it out
     * @return the answer to come
     */
    public static CompletableFuture<Order.Receipt> call(AmpConnection connection, String customer,
            List<Order.Line> lines, List<Order.Line> extras) {
        Order arguments;
        try {
            arguments = arguments(customer, lines, extras);
        } catch (NullPointerException failure) {
            return CompletableFuture.failedFuture(failure);
        }
        return connection.callRemote(OrderCommand.COMMAND, arguments);
    }

    /**
     * Calls {@link Order} on the peer of {@code connection}
     * and waits for the answer, without a time limit (a closing connection fails every call it has
     * not answered) and without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param customer required
     * @param lines required
     * @param extras optional: null leaves it out
     * @return the response
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws NullPointerException if a required argument is null or a list holds null (nothing is sent)
     */
    public static Order.Receipt callBlocking(AmpConnection connection, String customer,
            List<Order.Line> lines, List<Order.Line> extras) {
        return BlockingCalls.await(call(connection, customer, lines, extras));
    }

    /**
     * Calls {@link Order} on the peer of {@code connection}
     * and waits at most {@code timeout} for the answer, without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param timeout how long to wait for the answer
     * @param customer required
     * @param lines required
     * @param extras optional: null leaves it out
     * @return the response
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws CallTimeoutException if no answer comes within {@code timeout} (the call is given up)
     * @throws NullPointerException if a required argument is null or a list holds null (nothing is sent)
     */
    public static Order.Receipt callBlocking(AmpConnection connection, Duration timeout,
            String customer, List<Order.Line> lines, List<Order.Line> extras) {
        return BlockingCalls.await(call(connection, customer, lines, extras), timeout,
                OrderCommand.COMMAND, connection);
    }

    private record OrderValue(String customer, List<Order.Line> lines,
            List<Order.Line> extras) implements Order {
        OrderValue {
            Objects.requireNonNull(customer, "required argument 'customer' is null");
            lines = List.copyOf(Objects.requireNonNull(lines, "required argument 'lines' is null"));
            extras = extras == null ? null : List.copyOf(extras);
        }

        @Override
        public String toString() {
            return "Order[customer=" + customer + ", lines=" + lines + ", extras=" + extras + "]";
        }
    }

    private record ReceiptValue(List<Order.Line> accepted,
            List<Tag> notes) implements Order.Receipt {
        ReceiptValue {
            accepted = List.copyOf(Objects.requireNonNull(accepted, "required argument 'accepted' is null"));
            notes = List.copyOf(Objects.requireNonNull(notes, "required argument 'notes' is null"));
        }

        @Override
        public String toString() {
            return "Order.Receipt[accepted=" + accepted + ", notes=" + notes + "]";
        }
    }

    private static final class OrderCodec implements BoxCodec<Order> {
        static final OrderCodec INSTANCE = new OrderCodec();

        private static final byte[] CUSTOMER = "customer".getBytes(StandardCharsets.UTF_8);

        private static final byte[] LINES = "lines".getBytes(StandardCharsets.UTF_8);

        private static final byte[] EXTRAS = "extras".getBytes(StandardCharsets.UTF_8);

        private static final ArgumentType<List<Order.Line>> LINES_TYPE =
                new AmpListArgument<>(Order_LineElement.CODEC);

        private static final ArgumentType<List<Order.Line>> EXTRAS_TYPE =
                new AmpListArgument<>(Order_LineElement.CODEC);

        static final List<FieldSchema> FIELDS = List.of(
                FieldSchema.required("customer", AmpType.UNICODE),
                FieldSchema.required("lines", AmpType.ampList(Order_LineElement.FIELDS)),
                FieldSchema.optional("extras", AmpType.ampList(Order_LineElement.FIELDS)));

        private OrderCodec() {
        }

        @Override
        public void write(Order value, Box box, ArgumentContext context) {
            String customer = Objects.requireNonNull(value.customer(),
                    "required argument 'customer' is null");
            box.put(CUSTOMER, UnicodeArgument.INSTANCE.toWire(customer, context));
            List<Order.Line> lines = Objects.requireNonNull(value.lines(),
                    "required argument 'lines' is null");
            box.put(LINES, LINES_TYPE.toWire(lines, context));
            List<Order.Line> extras = value.extras();
            if (extras != null) {
                box.put(EXTRAS, EXTRAS_TYPE.toWire(extras, context));
            }
        }

        @Override
        public Order read(Box box, ArgumentContext context) {
            byte[] customer = box.get(CUSTOMER);
            if (customer == null) {
                throw BadArgumentException.missing("customer");
            }
            byte[] lines = box.get(LINES);
            if (lines == null) {
                throw BadArgumentException.missing("lines");
            }
            byte[] extras = box.get(EXTRAS);
            return new OrderValue(UnicodeArgument.INSTANCE.fromWire(customer, context),
                    LINES_TYPE.fromWire(lines, context),
                    extras == null ? null : EXTRAS_TYPE.fromWire(extras, context));
        }
    }

    private static final class ReceiptCodec implements BoxCodec<Order.Receipt> {
        static final ReceiptCodec INSTANCE = new ReceiptCodec();

        private static final byte[] ACCEPTED = "accepted".getBytes(StandardCharsets.UTF_8);

        private static final byte[] NOTES = "notes".getBytes(StandardCharsets.UTF_8);

        private static final ArgumentType<List<Order.Line>> ACCEPTED_TYPE =
                new AmpListArgument<>(Order_LineElement.CODEC);

        private static final ArgumentType<List<Tag>> NOTES_TYPE =
                new AmpListArgument<>(TagElement.CODEC);

        static final List<FieldSchema> FIELDS = List.of(
                FieldSchema.required("accepted", AmpType.ampList(Order_LineElement.FIELDS)),
                FieldSchema.required("notes", AmpType.ampList(TagElement.FIELDS)));

        private ReceiptCodec() {
        }

        @Override
        public void write(Order.Receipt value, Box box, ArgumentContext context) {
            List<Order.Line> accepted = Objects.requireNonNull(value.accepted(),
                    "required argument 'accepted' is null");
            box.put(ACCEPTED, ACCEPTED_TYPE.toWire(accepted, context));
            List<Tag> notes = Objects.requireNonNull(value.notes(),
                    "required argument 'notes' is null");
            box.put(NOTES, NOTES_TYPE.toWire(notes, context));
        }

        @Override
        public Order.Receipt read(Box box, ArgumentContext context) {
            byte[] accepted = box.get(ACCEPTED);
            if (accepted == null) {
                throw BadArgumentException.missing("accepted");
            }
            byte[] notes = box.get(NOTES);
            if (notes == null) {
                throw BadArgumentException.missing("notes");
            }
            return new ReceiptValue(ACCEPTED_TYPE.fromWire(accepted, context),
                    NOTES_TYPE.fromWire(notes, context));
        }
    }
}
