package io.ampjava.dispatch;

import static io.ampjava.types.TestCodecs.required;

import io.ampjava.types.ArgumentContext;
import io.ampjava.types.BadArgumentException;
import io.ampjava.types.BoxCodec;
import io.ampjava.types.Descriptor;
import io.ampjava.types.TestCodecs;
import io.ampjava.wire.Box;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Hand-built commands with small hand-written codecs (the processor is not available here). */
final class TestCommands {
    private TestCommands() {}

    record Operands(long a, long b) {}

    record Total(long total) {}

    /** Declared, not fatal: code OOPS. */
    static final class OopsException extends RuntimeException {
        OopsException(String message) {
            super(message);
        }
    }

    /** Declared and fatal: code FATAL. */
    static final class FatalException extends RuntimeException {
        FatalException(String message) {
            super(message);
        }
    }

    static final BoxCodec<Operands> OPERANDS = new BoxCodec<>() {
        @Override
        public void write(Operands value, Box box, ArgumentContext context) {
            box.put("a", Long.toString(value.a()));
            box.put("b", Long.toString(value.b()));
        }

        @Override
        public Operands read(Box box, ArgumentContext context) {
            return new Operands(readLong(box, "a"), readLong(box, "b"));
        }
    };

    static final BoxCodec<Total> TOTAL = new BoxCodec<>() {
        @Override
        public void write(Total value, Box box, ArgumentContext context) {
            box.put("total", Long.toString(value.total()));
        }

        @Override
        public Total read(Box box, ArgumentContext context) {
            return new Total(readLong(box, "total"));
        }
    };

    /** {@code Sum(a, b) -> total}, with a declared {@code OOPS} and a fatal {@code FATAL}. */
    static final Command<Operands, Total> SUM = Command.builder("Sum", OPERANDS, TOTAL)
            .error(ErrorSpec.of("OOPS", OopsException.class, OopsException::new))
            .error(ErrorSpec.fatal("FATAL", FatalException.class, FatalException::new))
            .build();

    /** The same arguments, no answer wanted. */
    static final Command<Operands, Void> NO_ANSWER = Command.builder("NoAns", OPERANDS, Command.EMPTY)
            .requiresAnswer(false)
            .build();

    /** Answers, then closes the connection (Twisted's QuitBox). */
    static final Command<Void, Void> GOODBYE = Command.builder("Goodbye", Command.EMPTY, Command.EMPTY)
            .closesConnection(true)
            .build();

    /** {@code hello(hello: text) -> hello: text}, the command of Twisted's test_callRemote. */
    static final Command<String, String> HELLO = Command.builder("hello", text("hello"), text("hello")).build();

    /** Sends descriptors: {@code fds: "0,1"} style, one Descriptor per element; answers {@code {}}. */
    static final Command<List<Descriptor>, Void> SEND_FDS = Command.builder("SendFds", descriptors("fds"), Command.EMPTY)
            .build();

    /** Asks for descriptors: {@code count} in, {@code fds} out. */
    static final Command<Long, List<Descriptor>> GET_FDS =
            Command.builder("GetFds", longField("count"), descriptors("fds")).build();

    static BoxCodec<String> text(String key) {
        return TestCodecs.field(key, value -> value.getBytes(StandardCharsets.UTF_8),
                bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    static BoxCodec<Long> longField(String key) {
        return TestCodecs.field(key, value -> Long.toString(value).getBytes(StandardCharsets.US_ASCII),
                bytes -> parseLong(bytes, key));
    }

    /** A list of descriptors as comma-separated ordinals under one key (several fds in one box). */
    static BoxCodec<List<Descriptor>> descriptors(String key) {
        return new BoxCodec<>() {
            @Override
            public void write(List<Descriptor> value, Box box, ArgumentContext context) {
                StringBuilder ordinals = new StringBuilder();
                for (Descriptor descriptor : value) {
                    if (ordinals.length() > 0) {
                        ordinals.append(',');
                    }
                    ordinals.append(context.sendDescriptor(descriptor));
                }
                box.put(key, ordinals.toString());
            }

            @Override
            public List<Descriptor> read(Box box, ArgumentContext context) {
                List<Descriptor> result = new ArrayList<>();
                String text = new String(required(box, key), StandardCharsets.US_ASCII);
                if (!text.isEmpty()) {
                    for (String ordinal : text.split(",")) {
                        result.add(context.claimDescriptor(Integer.parseInt(ordinal)));
                    }
                }
                return result;
            }
        };
    }

    static long readLong(Box box, String key) {
        return parseLong(required(box, key), key);
    }

    private static long parseLong(byte[] value, String key) {
        try {
            return Long.parseLong(new String(value, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw new BadArgumentException("not an integer under '" + key + "'", e);
        }
    }

    /** A locator over a name-to-responder map. */
    static final class MapLocator implements ResponderLocator {
        private final Map<String, Responder> responders = new HashMap<>();

        MapLocator with(String name, Responder responder) {
            responders.put(name, responder);
            return this;
        }

        <A, R> MapLocator with(Command<A, R> command, Responders.SyncHandler<A, R> handler) {
            return with(command.name(), Responders.ofSync(command, handler));
        }

        <A, R> MapLocator withAsync(Command<A, R> command, Responders.Handler<A, R> handler) {
            return with(command.name(), Responders.of(command, handler));
        }

        @Override
        public Responder locate(String commandName) {
            return responders.get(commandName);
        }
    }

    /** Sum's responder: 666 is an OOPS, 13+13 is FATAL, 999 an undeclared exception. */
    static Total sum(Operands operands) {
        if (operands.a() == 666) {
            throw new OopsException("bad number 666");
        }
        if (operands.a() == 13 && operands.b() == 13) {
            throw new FatalException("unlucky");
        }
        if (operands.a() == 999) {
            throw new IllegalStateException("undeclared");
        }
        return new Total(operands.a() + operands.b());
    }

    static MapLocator calculator() {
        return new MapLocator().with(SUM, (operands, connection) -> sum(operands));
    }
}
