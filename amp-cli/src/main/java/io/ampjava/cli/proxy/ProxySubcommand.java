package io.ampjava.cli.proxy;

import io.ampjava.cli.Address;
import io.ampjava.cli.CliException;
import io.ampjava.cli.ExitCode;
import io.ampjava.cli.Subcommand;
import io.ampjava.cli.Terminal;
import io.ampjava.cli.print.BoxJson;
import io.ampjava.cli.print.ValueText;
import io.ampjava.dispatch.StartTlsResponder;
import io.ampjava.transport.ListeningSocket;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code amp proxy LISTEN UPSTREAM}: a man in the middle that forwards every byte unchanged both
 * ways and prints every box as it passes.
 */
public final class ProxySubcommand implements Subcommand {
    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("proxy");
        spec.usageMessage()
                .description("Accept clients at LISTEN, connect each to UPSTREAM, forward the bytes both ways"
                        + " unchanged and print every box as it passes: time, connection, direction (C->S, S->C),"
                        + " byte offset, command or answer tag, keys and values, descriptors passed.",
                        "Descriptors are passed on between Unix sockets (a TCP side cannot carry them). After"
                        + " StartTLS or another protocol switch the bytes are forwarded unparsed. Prints"
                        + " 'READY <address>' once it accepts clients; stops on Ctrl-C or SIGTERM.");
        spec.addPositional(PositionalParamSpec.builder().index("0").paramLabel("LISTEN").type(String.class)
                .required(true)
                .description("Where clients connect: unix:PATH or tcp:HOST:PORT.").build());
        spec.addPositional(PositionalParamSpec.builder().index("1").paramLabel("UPSTREAM").type(String.class)
                .required(true)
                .description("The server: unix:PATH or tcp:HOST:PORT.").build());
        spec.addOption(OptionSpec.builder("--json").arity("0").type(boolean.class)
                .description("One JSON object per line: a box (time, connection, direction, offset, kind, command,"
                        + " tag, code, description, fields, fds) or an event (event, message).").build());
        spec.addOption(OptionSpec.builder("--full").arity("0").type(boolean.class)
                .description("Show long values whole (text output cuts them after " + ValueText.DEFAULT_LIMIT
                        + " characters).").build());
        spec.addOption(OptionSpec.builder("--switch").paramLabel("COMMAND").type(List.class)
                .auxiliaryTypes(String.class)
                .description("A command that switches protocol when answered (StartTLS always does)."
                        + " Repeatable.").build());
        spec.addOption(OptionSpec.builder("--exit-on-eof").arity("0").type(boolean.class)
                .description("Also stop when standard input reaches its end (for test harnesses).").build());
        return spec;
    }

    @Override
    public int run(ParseResult parsed, Terminal terminal) throws Exception {
        Address listen = Address.parse(parsed.matchedPositionalValue(0, ""), "LISTEN");
        Address upstream = Address.parse(parsed.matchedPositionalValue(1, ""), "UPSTREAM");
        for (Address address : List.of(listen, upstream)) {
            if (address instanceof Address.Tcp && ((Address.Tcp) address).tls()) {
                throw CliException.usage(address + ": the proxy forwards TLS as it is; write tcp: instead of tls:");
            }
        }
        boolean json = parsed.matchedOptionValue("--json", false);
        int limit = parsed.matchedOptionValue("--full", false) ? Integer.MAX_VALUE : ValueText.DEFAULT_LIMIT;
        Set<String> switches = new HashSet<>(parsed.matchedOptionValue("--switch", List.<String>of()));
        switches.add(StartTlsResponder.COMMAND);
        ListeningSocket socket;
        try {
            socket = listen.listen();
        } catch (IOException e) {
            throw CliException.connection(e);
        }
        try (TrafficLog log = new TrafficLog(terminal.stdout(), json, limit, Set.copyOf(switches));
                Proxy proxy = new Proxy(socket, upstream, log)) {
            String ready = socket.address();
            terminal.out().println(json ? BoxJson.line(w -> w.beginObject().name("event").value("ready")
                    .name("address").value(ready).name("upstream").value(upstream.toString()).endObject())
                    : "READY " + ready);
            terminal.out().flush();
            proxy.start();
            if (parsed.matchedOptionValue("--exit-on-eof", false)) {
                terminal.stopAtEndOfInput();
            }
            terminal.stop().join();
        }
        return ExitCode.OK;
    }
}
