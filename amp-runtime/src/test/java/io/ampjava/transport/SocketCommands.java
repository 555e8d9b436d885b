package io.ampjava.transport;

import static io.ampjava.types.TestCodecs.longField;
import static io.ampjava.types.TestCodecs.required;
import static io.ampjava.types.TestCodecs.unicodeField;

import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.Command;
import io.ampjava.dispatch.Responder;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.dispatch.Responders;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.BoxCodec;
import io.ampjava.types.Descriptor;
import io.ampjava.types.DescriptorArgument;
import io.ampjava.types.LongArgument;
import io.ampjava.types.UnicodeArgument;
import io.ampjava.wire.Box;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/** Hand-built commands for the connection tests over real sockets (the processor is not used here). */
public final class SocketCommands {
    private SocketCommands() {}

    public record WriteIntoArguments(Descriptor fd, String text) {}

    public record Operands(long a, long b) {}

    /** {@code WriteInto(fd: Descriptor, text: Unicode) -> {}}: the responder writes text into fd and closes it. */
    public static final Command<WriteIntoArguments, Void> WRITE_INTO = Command.builder("WriteInto", new BoxCodec<WriteIntoArguments>() {
        @Override
        public void write(WriteIntoArguments value, Box box, ArgumentContext context) {
            box.put("fd", DescriptorArgument.INSTANCE.toWire(value.fd(), context));
            box.put("text", UnicodeArgument.encode(value.text()));
        }

        @Override
        public WriteIntoArguments read(Box box, ArgumentContext context) {
            return new WriteIntoArguments(DescriptorArgument.INSTANCE.fromWire(required(box, "fd"), context),
                    UnicodeArgument.decode(required(box, "text")));
        }
    }, Command.EMPTY).build();

    /** {@code WriteEach(a, b, c: Descriptor) -> {}}: writes "a", "b", "c" into the three descriptors. */
    public static final Command<List<Descriptor>, Void> WRITE_EACH = Command.builder("WriteEach", new BoxCodec<List<Descriptor>>() {
        @Override
        public void write(List<Descriptor> value, Box box, ArgumentContext context) {
            box.put("a", DescriptorArgument.INSTANCE.toWire(value.get(0), context));
            box.put("b", DescriptorArgument.INSTANCE.toWire(value.get(1), context));
            box.put("c", DescriptorArgument.INSTANCE.toWire(value.get(2), context));
        }

        @Override
        public List<Descriptor> read(Box box, ArgumentContext context) {
            return List.of(DescriptorArgument.INSTANCE.fromWire(required(box, "a"), context),
                    DescriptorArgument.INSTANCE.fromWire(required(box, "b"), context),
                    DescriptorArgument.INSTANCE.fromWire(required(box, "c"), context));
        }
    }, Command.EMPTY).build();

    /** {@code OpenPipe(text) -> {fd: Descriptor}}: the read end of a pipe holding text. */
    public static final Command<String, Descriptor> OPEN_PIPE = Command.builder("OpenPipe", unicodeField("text"), new BoxCodec<Descriptor>() {
        @Override
        public void write(Descriptor value, Box box, ArgumentContext context) {
            box.put("fd", DescriptorArgument.INSTANCE.toWire(value, context));
        }

        @Override
        public Descriptor read(Box box, ArgumentContext context) {
            return DescriptorArgument.INSTANCE.fromWire(required(box, "fd"), context);
        }
    }).build();

    /** {@code Sum(a, b) -> {total}}. */
    public static final Command<Operands, Long> SUM = Command.builder("Sum", new BoxCodec<Operands>() {
        @Override
        public void write(Operands value, Box box, ArgumentContext context) {
            box.put("a", LongArgument.encode(value.a()));
            box.put("b", LongArgument.encode(value.b()));
        }

        @Override
        public Operands read(Box box, ArgumentContext context) {
            return new Operands(LongArgument.decode(required(box, "a")), LongArgument.decode(required(box, "b")));
        }
    }, longField("total")).build();

    /** {@code Count() -> {calls}}: how many Counts this connection's locator has answered. */
    public static final Command<Void, Long> COUNT = Command.builder("Count", Command.EMPTY, longField("calls")).build();

    /** {@code Never() -> {}}: answered never (the responder's stage stays incomplete). */
    public static final Command<Void, Void> NEVER = Command.builder("Never", Command.EMPTY, Command.EMPTY).build();

    /**
     * The responders of all the commands above. Each locator has its own Count, so a server that
     * makes one per connection keeps per-connection state.
     */
    public static ResponderLocator service() {
        AtomicLong counted = new AtomicLong();
        Map<String, Responder> responders = Map.of(
                WRITE_INTO.name(), Responders.ofSync(WRITE_INTO, (arguments, connection) -> {
                    try (Descriptor fd = arguments.fd()) {
                        fd.write(arguments.text().getBytes(StandardCharsets.UTF_8));
                    }
                    return null;
                }),
                WRITE_EACH.name(), Responders.ofSync(WRITE_EACH, (fds, connection) -> {
                    String[] names = {"a", "b", "c"};
                    for (int i = 0; i < 3; i++) {
                        try (Descriptor fd = fds.get(i)) {
                            fd.write(names[i].getBytes(StandardCharsets.US_ASCII));
                        }
                    }
                    return null;
                }),
                OPEN_PIPE.name(), SocketCommands::openPipe,
                SUM.name(), Responders.ofSync(SUM, (operands, connection) -> operands.a() + operands.b()),
                COUNT.name(), Responders.ofSync(COUNT, (nothing, connection) -> counted.incrementAndGet()),
                NEVER.name(), Responders.of(NEVER, (nothing, connection) -> new CompletableFuture<Void>()));
        return responders::get;
    }

    /**
     * Box level, to close our pipe end once the answer is encoded: sending gives the peer a copy
     * and leaves ours to us.
     */
    private static CompletionStage<Box> openPipe(Box request, AmpConnection connection) {
        String text = UnicodeArgument.decode(required(request, "text"));
        try (Descriptor.Pipe pipe = Descriptor.pipe()) {
            pipe.writeEnd().write(text.getBytes(StandardCharsets.UTF_8));
            pipe.writeEnd().close();
            Box answer = new Box();
            OPEN_PIPE.response().write(pipe.readEnd(), answer, connection.argumentContext());
            return CompletableFuture.completedFuture(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
