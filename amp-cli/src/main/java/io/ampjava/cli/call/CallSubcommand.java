package io.ampjava.cli.call;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.ampjava.cli.Address;
import io.ampjava.cli.CliException;
import io.ampjava.cli.ExitCode;
import io.ampjava.cli.Subcommand;
import io.ampjava.cli.Terminal;
import io.ampjava.cli.TlsArguments;
import io.ampjava.cli.print.BoxJson;
import io.ampjava.cli.print.BoxView;
import io.ampjava.cli.print.LineBuffer;
import io.ampjava.cli.schema.SchemaCommands;
import io.ampjava.cli.schema.TypedValues;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.schema.CommandSchema;
import io.ampjava.tls.TlsOptions;
import io.ampjava.transport.Transport;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.BadArgumentException;
import io.ampjava.wire.AmpKeys;
import io.ampjava.wire.Box;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code amp call ADDRESS COMMAND [key=value ...]}: one call (or {@code --repeat N} of them), the
 * answer printed as {@code key: value} lines or as JSON.
 */
public final class CallSubcommand implements Subcommand {
    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("call");
        spec.usageMessage()
                .description("Send one command and print the answer, one 'key: value' line per field.",
                        "Values are text, as AMP is untyped on the wire: key=text sends the text as UTF-8,"
                                + " key=@FILE the bytes of FILE (@- for standard input), key=fd:PATH opens PATH"
                                + " and passes its descriptor (unix: only; fdw:PATH opens it for writing,"
                                + " created or truncated). A backslash keeps a value that starts with @ or fd:"
                                + " as text: key=\\@home.",
                        "An error answer prints its code and description on standard error (exit status 1).");
        spec.addPositional(PositionalParamSpec.builder().index("0").paramLabel("ADDRESS").type(String.class)
                .required(true)
                .description("unix:PATH, tcp:HOST:PORT or tls:HOST:PORT (StartTLS first).").build());
        spec.addPositional(PositionalParamSpec.builder().index("1").paramLabel("COMMAND").type(String.class)
                .required(true)
                .description("The command's name on the wire, e.g. Sum.").build());
        spec.addPositional(PositionalParamSpec.builder().index("2..*").arity("0..*").paramLabel("key=value")
                .type(List.class).auxiliaryTypes(String.class)
                .description("The arguments.").build());
        spec.addOption(OptionSpec.builder("--json").arity("0").type(boolean.class)
                .description("Print the answer as one JSON object: a value that is not UTF-8 as"
                        + " {\"base64\": ...}; an error answer as {\"error\": {\"code\": ..., \"description\": ...}}.")
                .build());
        spec.addOption(OptionSpec.builder("--timeout").paramLabel("SECONDS").type(String.class).defaultValue("10")
                .description("How long to wait for the answer (default: ${DEFAULT-VALUE}); 0 waits for ever."
                        + " No answer in time: exit status 2.").build());
        spec.addOption(OptionSpec.builder("--no-answer").arity("0").type(boolean.class)
                .description("Send the command without _ask: the peer answers nothing.").build());
        spec.addOption(OptionSpec.builder("--schema").paramLabel("CLASSPATH").type(String.class)
                .description("Jars and directories (separated by ':') of commands compiled with amp-processor: the call"
                        + " is typed by COMMAND's schema. Each value is checked as its AMP type (Integer, Float,"
                        + " Decimal, DateTime, Boolean...; ListOf and AmpList as JSON) and the answer printed as"
                        + " typed values.").build());
        TlsArguments.addClientOptions(spec);
        spec.addOption(OptionSpec.builder("--repeat").paramLabel("N").type(int.class).defaultValue("1")
                .description("Make the call N times and print calls/s and the p50 and p99 latency instead of"
                        + " the answer.").build());
        spec.addOption(OptionSpec.builder("--outstanding").paramLabel("K").type(int.class).defaultValue("1")
                .description("With --repeat, keep up to K calls waiting for their answers (default: ${DEFAULT-VALUE}).")
                .build());
        return spec;
    }

    @Override
    public int run(ParseResult parsed, Terminal terminal) throws Exception {
        Address address = Address.parse(parsed.matchedPositionalValue(0, ""), "ADDRESS");
        String command = parsed.matchedPositionalValue(1, "");
        List<String> written = parsed.matchedPositionalValue(2, List.of());
        boolean json = parsed.matchedOptionValue("--json", false);
        Duration timeout = timeout(parsed.matchedOptionValue("--timeout", "10"));
        boolean noAnswer = parsed.matchedOptionValue("--no-answer", false);
        int repeat = parsed.matchedOptionValue("--repeat", 1);
        int outstanding = parsed.matchedOptionValue("--outstanding", 1);
        if (command.isEmpty()) {
            throw CliException.usage("COMMAND is empty: give the command's name, e.g. Sum");
        }
        if (repeat < 1 || outstanding < 1) {
            throw CliException.usage("--repeat and --outstanding must be at least 1");
        }
        if (noAnswer && repeat > 1) {
            throw CliException.usage("--no-answer and --repeat do not go together: --repeat measures answers");
        }
        TlsOptions tls = TlsArguments.client(parsed, address);
        List<KeyValue> arguments = new ArrayList<>();
        for (String argument : written) {
            arguments.add(KeyValue.parse(argument));
        }
        if (!address.carriesDescriptors()) {
            for (KeyValue argument : arguments) {
                if (argument.isDescriptor()) {
                    throw CliException.usage(argument.key() + ": a file descriptor can only be passed over a"
                            + " unix: address, not " + address);
                }
            }
        }
        String schemaPath = parsed.matchedOptionValue("--schema", null);
        CommandSchema schema = schemaPath == null ? null : SchemaCommands.load(schemaPath).command(command);
        if (schema != null) {
            if (schema.switchesProtocol()) {
                throw CliException.usage(command + " switches the connection to another protocol, which amp call"
                        + " cannot speak");
            }
            if (!schema.requiresAnswer()) {
                if (repeat > 1) {
                    throw CliException.usage(command + " is answered with nothing, so --repeat has nothing to measure");
                }
                noAnswer = true;
            }
        }
        try (CallRequest request = schema != null ? TypedRequest.of(schema, arguments, terminal.in())
                        : TextRequest.of(arguments, terminal.in());
                AmpConnection connection = connect(address, timeout)) {
            if (tls != null) {
                startTls(connection, address, tls, timeout);
            }
            if (noAnswer) {
                connection.callRemoteStringNoAnswer(command, request.box(connection.argumentContext()));
                // Nothing comes back to wait for: an orderly close is what makes sure the box went out.
                Duration flush = timeout.isZero() ? Duration.ofSeconds(10) : timeout;
                try {
                    connection.closeGracefully(flush).get(flush.toMillis() + 1000, TimeUnit.MILLISECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    throw new CliException(ExitCode.CONNECTION, "the command may not have been sent: "
                            + CallFailures.unwrap(e).getMessage(), e);
                }
                return ExitCode.OK;
            }
            if (repeat > 1) {
                RepeatedCalls.run(connection, command, request, repeat, outstanding, timeout, json, terminal.out());
                return ExitCode.OK;
            }
            CompletableFuture<Box> call = connection.callRemoteString(command,
                    request.box(connection.argumentContext()));
            Box answer;
            try {
                answer = await(call, timeout);
            } catch (ExecutionException e) {
                throw failed(e, json, terminal.out());
            }
            if (schema != null) {
                printTypedAnswer(answer, schema, connection.argumentContext(), json, terminal.out());
            } else {
                printAnswer(answer, json, terminal.out());
            }
            List<String> descriptors = ReceivedDescriptors.drain(connection.argumentContext(), 0);
            if (!descriptors.isEmpty()) {
                terminal.err().println("amp call: the answer passed " + descriptors.size() + " file descriptor"
                        + (descriptors.size() == 1 ? "" : "s") + " (" + String.join(", ", descriptors)
                        + "), closed here");
            }
            return ExitCode.OK;
        }
    }

    /** Connects within {@code timeout} (the call's own: a host that never answers ends the call too). */
    private static AmpConnection connect(Address address, Duration timeout) throws CliException {
        Transport transport;
        try {
            transport = address.connect(timeout);
        } catch (IOException e) {
            throw CliException.connection(e);
        }
        return AmpConnection.open(transport, ResponderLocator.NONE);
    }

    /** StartTLS before the first call: any failure is the connection's, exit status 3. */
    private static void startTls(AmpConnection connection, Address address, TlsOptions tls, Duration timeout)
            throws CliException, InterruptedException {
        try {
            await(connection.startTls(tls), timeout);
        } catch (ExecutionException e) {
            Throwable cause = CallFailures.unwrap(e);
            String[] refused = CallFailures.errorAnswer(cause);
            throw new CliException(ExitCode.CONNECTION, refused != null
                    ? address + ": the peer does not start TLS: error " + refused[0] + ": " + refused[1]
                    : CallFailures.of(cause).getMessage(), cause);
        }
    }

    private static <T> T await(CompletableFuture<T> call, Duration timeout)
            throws CliException, ExecutionException, InterruptedException {
        if (timeout.isZero()) {
            return call.get();
        }
        try {
            return call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new CliException(ExitCode.TIMEOUT, "no answer within " + seconds(timeout));
        }
    }

    /** The exception for a failed call; an error answer also goes to standard output under --json. */
    private static CliException failed(ExecutionException e, boolean json, PrintWriter out) {
        String[] error = CallFailures.errorAnswer(e);
        if (error != null && json) {
            out.println(BoxJson.line(w -> w.beginObject().name("error").beginObject()
                    .name("code").value(error[0]).name("description").value(error[1])
                    .endObject().endObject()));
            out.flush();
        }
        return CallFailures.of(e);
    }

    private static void printAnswer(Box answer, boolean json, PrintWriter out) {
        List<byte[][]> fields = BoxView.fields(answer, AmpKeys.ANSWER_KEY);
        if (json) {
            out.println(BoxJson.line(w -> BoxJson.fields(w, fields)));
        } else {
            LineBuffer text = new LineBuffer(256);
            for (byte[][] field : fields) {
                text.appendEscaped(field[0], Integer.MAX_VALUE).append(": ")
                        .appendEscaped(field[1], Integer.MAX_VALUE).append('\n');
            }
            out.print(text);
        }
        out.flush();
    }

    /**
     * The answer typed by {@code schema}: {@code key: value} lines (text as it is, other values in
     * their JSON form), or one JSON object.
     */
    private static void printTypedAnswer(Box answer, CommandSchema schema, ArgumentContext context, boolean json,
            PrintWriter out) throws CliException {
        String object;
        try {
            object = BoxJson.line(w -> TypedValues.writeFields(w, schema.response(), answer, context));
        } catch (BadArgumentException e) {
            throw new CliException(ExitCode.REFUSED, "the answer does not fit " + schema.name() + "'s schema: "
                    + e.getMessage(), e);
        }
        if (json) {
            out.println(object);
        } else {
            LineBuffer text = new LineBuffer(256);
            for (Map.Entry<String, JsonElement> field : JsonParser.parseString(object).getAsJsonObject().entrySet()) {
                JsonElement value = field.getValue();
                text.append(field.getKey()).append(": ");
                if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
                    text.appendEscaped(value.getAsString().getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE);
                } else if (isOnly(value, "base64")) { // bytes that are not UTF-8: escaped, as untyped calls show them
                    text.appendEscaped(Base64.getDecoder().decode(member(value, "base64")), Integer.MAX_VALUE);
                } else if (isOnly(value, "descriptor")) {
                    text.append("descriptor ").append(member(value, "descriptor")).append(" (closed here)");
                } else {
                    text.append(value.toString());
                }
                text.append('\n');
            }
            out.print(text);
        }
        out.flush();
    }

    private static boolean isOnly(JsonElement value, String member) {
        return value.isJsonObject() && value.getAsJsonObject().size() == 1 && value.getAsJsonObject().has(member);
    }

    private static String member(JsonElement value, String member) {
        return value.getAsJsonObject().get(member).getAsString();
    }

    /** {@code --timeout}: seconds, possibly fractional; zero for no limit. */
    static Duration timeout(String text) throws CliException {
        BigDecimal seconds;
        try {
            seconds = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw CliException.usage("--timeout must be a number of seconds, not '" + text + "'");
        }
        if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(86_400 * 365)) > 0) {
            throw CliException.usage("--timeout must be from 0 (no limit) to a year of seconds, not " + text);
        }
        return Duration.ofNanos(seconds.movePointRight(9).longValue());
    }

    /** A duration as seconds for messages: {@code 10 s}, {@code 0.5 s}. */
    static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toNanos(), 9).stripTrailingZeros().toPlainString() + " s";
    }
}
