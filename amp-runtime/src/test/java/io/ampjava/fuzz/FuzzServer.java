package io.ampjava.fuzz;

import io.ampjava.dispatch.Command;
import io.ampjava.dispatch.RemoteAmpException;
import io.ampjava.dispatch.Responder;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.dispatch.Responders;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.BoxCodec;
import io.ampjava.types.TestCodecs;
import io.ampjava.types.UnicodeArgument;
import io.ampjava.wire.Box;
import java.util.Map;

/**
 * The commands a fuzzed connection answers: {@code Echo} (every argument type, decoded and encoded
 * again), {@code Fail} (each way a responder can fail, on purpose) and {@code Goodbye} (answers,
 * then closes). Decoding problems other than a bad argument are collected in {@link #unexpected()}.
 */
final class FuzzServer implements ResponderLocator {
    /** What {@code Fail} throws for {@code mode: undeclared}: a failure the test expects. */
    static final class DeliberateFailure extends RuntimeException {
        DeliberateFailure() {
            super("undeclared failure, on purpose");
        }
    }

    private final EchoFields fields = new EchoFields();
    private final Command<Map<String, Object>, Map<String, Object>> echo;
    private final Responder echoResponder;
    private final Responder failResponder;
    private final Responder goodbyeResponder;

    FuzzServer() {
        echo = Command.builder("Echo", fields, fields).build();
        echoResponder = Responders.ofSync(echo, (arguments, connection) -> arguments);
        failResponder = Responders.ofSync(Command.builder("Fail", MODE, Command.EMPTY).build(), (mode, connection) -> {
            switch (mode) {
                case "declared":
                    throw new RemoteAmpException("DECLARED", "declared failure", false);
                case "fatal":
                    throw new RemoteAmpException("FATAL", "fatal failure", true);
                case "undeclared":
                    throw new DeliberateFailure();
                default:
                    return null;
            }
        });
        goodbyeResponder = Responders.ofSync(
                Command.builder("Goodbye", Command.EMPTY, Command.EMPTY).closesConnection(true).build(),
                (nothing, connection) -> null);
    }

    /** The {@code Echo} command, for calls from the fuzzed side. */
    Command<Map<String, Object>, Map<String, Object>> echo() {
        return echo;
    }

    java.util.List<Throwable> unexpected() {
        return fields.unexpected;
    }

    @Override
    public Responder locate(String name) {
        switch (name) {
            case "Echo":
                return echoResponder;
            case "Fail":
                return failResponder;
            case "Goodbye":
                return goodbyeResponder;
            default:
                return null;
        }
    }

    private static final BoxCodec<String> MODE = new BoxCodec<>() {
        @Override
        public void write(String mode, Box box, ArgumentContext context) {
            box.put("mode", UnicodeArgument.encode(mode));
        }

        @Override
        public String read(Box box, ArgumentContext context) {
            return UnicodeArgument.decode(TestCodecs.required(box, "mode"));
        }
    };
}
