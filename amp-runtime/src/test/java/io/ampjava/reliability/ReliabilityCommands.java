package io.ampjava.reliability;

import static io.ampjava.types.TestCodecs.longField;
import static io.ampjava.types.TestCodecs.required;

import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.Command;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.dispatch.Responders;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.BoxCodec;
import io.ampjava.types.BytesArgument;
import io.ampjava.types.Descriptor;
import io.ampjava.types.DescriptorArgument;
import io.ampjava.types.LongArgument;
import io.ampjava.wire.Box;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The commands of the fault and soak tests, with hand-written codecs: {@code Sum}, {@code PassFd}
 * (a descriptor in, written into and closed by the responder), {@code Delay} (answered later from
 * another thread) and {@code CallMe} (the responder calls {@code Sum} back on the caller first).
 */
final class ReliabilityCommands {
    private ReliabilityCommands() {}

    record Operands(long a, long b) {}

    record PassFdArguments(Descriptor fd, byte[] data) {}

    static final Command<Operands, Long> SUM = Command.builder("Sum", new BoxCodec<Operands>() {
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

    static final Command<PassFdArguments, Long> PASS_FD = Command.builder("PassFd", new BoxCodec<PassFdArguments>() {
        @Override
        public void write(PassFdArguments value, Box box, ArgumentContext context) {
            box.put("fd", DescriptorArgument.INSTANCE.toWire(value.fd(), context));
            box.put("data", value.data());
        }

        @Override
        public PassFdArguments read(Box box, ArgumentContext context) {
            byte[] data = BytesArgument.INSTANCE.fromWire(required(box, "data"), context);
            return new PassFdArguments(DescriptorArgument.INSTANCE.fromWire(required(box, "fd"), context), data);
        }
    }, longField("written")).build();

    static final Command<Long, Long> DELAY = Command.builder("Delay", longField("millis"), longField("millis")).build();

    static final Command<Void, Long> CALL_ME = Command.builder("CallMe", Command.EMPTY, longField("total")).build();

    /**
     * A locator for one server connection. {@code later} runs the delayed answers of {@code Delay};
     * the futures of the {@code Sum} calls that {@code CallMe} makes back are added to
     * {@code callbacks}.
     */
    static ResponderLocator locator(Executor later, List<CompletableFuture<Long>> callbacks) {
        Map<String, io.ampjava.dispatch.Responder> responders = Map.of(
                "Sum", Responders.ofSync(SUM, (operands, connection) -> operands.a() + operands.b()),
                "PassFd", Responders.ofSync(PASS_FD, (arguments, connection) -> passFd(arguments)),
                "Delay", Responders.of(DELAY, (millis, connection) -> CompletableFuture.supplyAsync(() -> millis,
                        CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS, later))),
                "CallMe", Responders.of(CALL_ME, (nothing, connection) -> callBack(connection, callbacks)));
        return responders::get;
    }

    static List<CompletableFuture<Long>> newCallbackList() {
        return new CopyOnWriteArrayList<>();
    }

    private static long passFd(PassFdArguments arguments) throws IOException {
        try (Descriptor fd = arguments.fd()) {
            fd.write(arguments.data());
            return arguments.data().length;
        }
    }

    private static CompletableFuture<Long> callBack(AmpConnection connection, List<CompletableFuture<Long>> callbacks) {
        CompletableFuture<Long> call = connection.callRemote(SUM, new Operands(20, 22));
        callbacks.add(call);
        return call;
    }
}
