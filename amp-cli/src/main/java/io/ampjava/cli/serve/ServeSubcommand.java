package io.ampjava.cli.serve;

import io.ampjava.cli.Address;
import io.ampjava.cli.CliException;
import io.ampjava.cli.ExitCode;
import io.ampjava.cli.Subcommand;
import io.ampjava.cli.Terminal;
import io.ampjava.cli.TlsArguments;
import io.ampjava.cli.schema.SchemaClassLoader;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.dispatch.StartTlsResponder;
import io.ampjava.tls.TlsOptions;
import io.ampjava.server.AmpServer;
import io.ampjava.transport.ListeningSocket;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code amp serve ADDRESS}: a peer for testing clients, answering every command with its own
 * arguments ({@code --echo}) or with user responders from a classpath.
 */
public final class ServeSubcommand implements Subcommand {
    @Override
    public CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("serve");
        spec.usageMessage()
                .description("Serve AMP at ADDRESS until stopped (Ctrl-C, SIGTERM); prints 'READY <address>' once"
                        + " it accepts connections.");
        spec.addPositional(PositionalParamSpec.builder().index("0").paramLabel("ADDRESS").type(String.class)
                .required(true)
                .description("unix:PATH (socket file mode 0600), tcp:HOST:PORT, or tls:HOST:PORT (TCP, answering"
                        + " StartTLS with --cert); port 0 picks a free port, tcp:0 one on 127.0.0.1.").build());
        spec.addOption(OptionSpec.builder("--echo").arity("0").type(boolean.class)
                .description("Answer every command with its own arguments.").build());
        spec.addOption(OptionSpec.builder("--schema").paramLabel("CLASSPATH").type(String.class)
                .description("Jars and directories (separated by ':') with the --responder classes.").build());
        spec.addOption(OptionSpec.builder("--responder").paramLabel("CLASS").type(List.class)
                .auxiliaryTypes(String.class)
                .description("A class with @Responder methods, compiled with amp-processor; each connection gets a"
                        + " new instance. Repeatable: the first that knows a command answers it.").build());
        TlsArguments.addServerOptions(spec);
        spec.addOption(OptionSpec.builder("--exit-on-eof").arity("0").type(boolean.class)
                .description("Also stop when standard input reaches its end (for test harnesses).").build());
        return spec;
    }

    @Override
    public int run(ParseResult parsed, Terminal terminal) throws Exception {
        Address address = Address.parse(parsed.matchedPositionalValue(0, ""), "ADDRESS");
        boolean echo = parsed.matchedOptionValue("--echo", false);
        String schema = parsed.matchedOptionValue("--schema", null);
        List<String> responders = parsed.matchedOptionValue("--responder", List.of());
        if (echo == !responders.isEmpty()) {
            throw CliException.usage(echo ? "--echo and --responder do not go together: choose one"
                    : "say what answers: --echo, or --schema CLASSPATH --responder CLASS");
        }
        if (!responders.isEmpty() && schema == null) {
            throw CliException.usage("--responder needs --schema CLASSPATH: the jars or directories of the class");
        }
        if (schema != null && responders.isEmpty()) {
            throw CliException.usage("--schema is for --responder: name the class that answers");
        }
        TlsOptions tls = TlsArguments.server(parsed, address);
        Supplier<ResponderLocator> answering = echo
                ? () -> new EchoLocator(address.carriesDescriptors())
                : ResponderClasses.locators(SchemaClassLoader.of(schema), responders);
        // StartTLS first: the echo would answer it too, without starting TLS.
        Supplier<ResponderLocator> locators = tls == null ? answering
                : () -> StartTlsResponder.locator(tls).or(answering.get());
        ListeningSocket socket;
        try {
            socket = address.listen();
        } catch (IOException e) {
            throw CliException.connection(e);
        }
        try (AmpServer server = AmpServer.serve(socket, locators)) {
            String where = server.address();
            terminal.out().println("READY " + (tls == null ? where : where.replaceFirst("^tcp:", "tls:")));
            terminal.out().flush();
            if (parsed.matchedOptionValue("--exit-on-eof", false)) {
                terminal.stopAtEndOfInput();
            }
            terminal.stop().join();
        }
        return ExitCode.OK;
    }
}
