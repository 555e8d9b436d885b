package io.ampjava.conformance;

import io.ampjava.conformance.bench.Bench;
import io.ampjava.conformance.peer.PeerServer;
import io.ampjava.dispatch.ConnectionOptions;
import io.ampjava.server.ServerOptions;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The command line of {@code amp-peer.jar}:
 *
 * <pre>
 * java -jar amp-peer.jar serve --unix PATH | --tcp PORT | --pipes READ,WRITE [--exit-on-eof]
 *         [--max-connections N] [--memory-budget BYTES] [--budget-timeout S] [--idle-timeout S] [--write-stall-timeout S]
 * java -jar amp-peer.jar bench --unix PATH --calls N --outstanding K [--command Sum|WriteDescriptor] [--warmup-seconds S]
 * </pre>
 *
 * <p>The options are declared with picocli's programmatic API rather than its annotations, which
 * picocli reads by reflection at run time.
 */
public final class PeerMain {
    private PeerMain() {}

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs the command line; returns the exit status (2 for a usage error). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(root());
        line.addSubcommand("serve", new CommandLine(serve()));
        line.addSubcommand("bench", new CommandLine(bench()));
        line.setOut(out);
        line.setErr(err);
        line.setExecutionStrategy(parsed -> {
            try {
                return execute(parsed, out, err);
            } catch (ParameterException e) {
                throw e;
            } catch (Exception e) {
                throw new ExecutionException(parsed.commandSpec().commandLine(), e.toString(), e);
            }
        });
        // A failure (a socket already in use, a peer that is not there) is one line, not a stack trace.
        line.setExecutionExceptionHandler((exception, commandLine, parsed) -> {
            err.println("amp-peer: " + exception);
            err.flush();
            return 1;
        });
        return line.execute(args);
    }

    private static CommandSpec root() {
        CommandSpec spec = CommandSpec.create().name("amp-peer");
        spec.usageMessage().description(
                "The amp-java conformance peer: serves the conformance command table, or benchmarks a peer.");
        spec.addOption(help());
        return spec;
    }

    private static CommandSpec serve() {
        CommandSpec spec = CommandSpec.create().name("serve");
        spec.usageMessage().description(
                "Serve the conformance commands until killed; prints READY <address> once accepting.");
        spec.addArgGroup(ArgGroupSpec.builder()
                .exclusive(true)
                .multiplicity("1")
                .addArg(OptionSpec.builder("--unix").paramLabel("PATH").type(String.class)
                        .description("Listen on a Unix socket at PATH.").build())
                .addArg(OptionSpec.builder("--tcp").paramLabel("PORT").type(int.class)
                        .description("Listen on TCP 127.0.0.1:PORT; 0 picks a free port.").build())
                .addArg(OptionSpec.builder("--pipes").paramLabel("READ,WRITE").type(String.class)
                        .description("Serve one connection over inherited pipes (read READ, write WRITE, e.g. 3,4,"
                                + " as trial's workers do) and exit when it closes.").build())
                .build());
        spec.addOption(OptionSpec.builder("--exit-on-eof").arity("0").type(boolean.class)
                .description("Also exit when standard input reaches end of file (for test harnesses).").build());
        spec.addOption(OptionSpec.builder("--max-connections").paramLabel("N").type(int.class)
                .description("Connections open at once; more are accepted and closed at once"
                        + " (default: " + ServerOptions.DEFAULT_MAX_CONNECTIONS + ", or one per MiB of heap if fewer).").build());
        spec.addOption(OptionSpec.builder("--memory-budget").paramLabel("BYTES").type(String.class)
                .description("The memory budget all connections share, e.g. 24M"
                        + " (default: a quarter of the heap).").build());
        spec.addOption(seconds("--budget-timeout", "How long a connection may stay over a spent memory budget"
                + " before it is closed (default: " + ConnectionOptions.DEFAULT_BUDGET_TIMEOUT.toSeconds() + ")."));
        spec.addOption(seconds("--idle-timeout", "Close a connection silent this long while nothing is in progress;"
                + " 0: never (default: " + ConnectionOptions.DEFAULT_SERVER_IDLE_MINUTES * 60 + ", none over pipes)."));
        spec.addOption(seconds("--write-stall-timeout", "Close a connection whose peer takes none of its answers"
                + " this long; 0: never (default: " + ConnectionOptions.DEFAULT_SERVER_WRITE_STALL_SECONDS
                + ", none over pipes)."));
        spec.addOption(help());
        return spec;
    }

    private static CommandSpec bench() {
        CommandSpec spec = CommandSpec.create().name("bench");
        spec.usageMessage().description(
                "Call a peer (Java or Twisted) N times with at most K calls outstanding; the last line is calls/s: <number>.");
        spec.addOption(OptionSpec.builder("--unix").paramLabel("PATH").type(String.class).required(true)
                .description("The peer's Unix socket.").build());
        spec.addOption(OptionSpec.builder("--calls").paramLabel("N").type(int.class).required(true)
                .description("How many calls to make.").build());
        spec.addOption(OptionSpec.builder("--outstanding").paramLabel("K").type(int.class).required(true)
                .description("At most this many calls waiting for their answer.").build());
        spec.addOption(OptionSpec.builder("--command").paramLabel("Sum|WriteDescriptor").type(String.class)
                .defaultValue("Sum").description("What to call (default: ${DEFAULT-VALUE}).").build());
        spec.addOption(OptionSpec.builder("--warmup-seconds").paramLabel("S").type(double.class).defaultValue("0")
                .description("Make untimed calls for this long first, so the JIT has compiled the call path"
                        + " (default: ${DEFAULT-VALUE}).").build());
        spec.addOption(help());
        return spec;
    }

    private static OptionSpec seconds(String name, String description) {
        return OptionSpec.builder(name).paramLabel("SECONDS").type(double.class).description(description).build();
    }

    private static OptionSpec help() {
        return OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help and exit.").build();
    }

    private static int execute(ParseResult parsed, PrintWriter out, PrintWriter err) throws Exception {
        Integer helped = CommandLine.executeHelpRequest(parsed);
        if (helped != null) {
            return helped;
        }
        ParseResult command = parsed.subcommand();
        if (command == null) {
            throw new ParameterException(parsed.commandSpec().commandLine(), "Missing command: serve or bench");
        }
        CommandLine commandLine = command.commandSpec().commandLine();
        if (command.commandSpec().name().equals("serve")) {
            return serve(command, commandLine, out);
        }
        int calls = command.matchedOptionValue("--calls", 0);
        int outstanding = command.matchedOptionValue("--outstanding", 0);
        String name = command.matchedOptionValue("--command", "Sum");
        Bench.Workload workload = Bench.Workload.named(name);
        if (calls < 1 || outstanding < 1) {
            throw new ParameterException(commandLine, "--calls and --outstanding must be at least 1");
        }
        if (workload == null) {
            throw new ParameterException(commandLine, "--command must be Sum or WriteDescriptor, not " + name);
        }
        double warmupSeconds = command.matchedOptionValue("--warmup-seconds", 0.0);
        if (!(warmupSeconds >= 0 && warmupSeconds <= 600)) {
            throw new ParameterException(commandLine, "--warmup-seconds must be from 0 to 600, not " + warmupSeconds);
        }
        return Bench.run(path(commandLine, command.matchedOptionValue("--unix", "")), calls, outstanding, workload,
                warmupSeconds, out, err);
    }

    private static int serve(ParseResult command, CommandLine commandLine, PrintWriter out) throws Exception {
        boolean exitOnEof = command.matchedOptionValue("--exit-on-eof", false);
        ServeOptions options = ServeOptions.parse(command, commandLine);
        String pipes = command.matchedOptionValue("--pipes", null);
        if (pipes != null) {
            int[] fds = pipeFds(commandLine, pipes);
            return PeerServer.servePipes(fds[0], fds[1], options.connectionOptions(), out);
        }
        String unix = command.matchedOptionValue("--unix", null);
        int port = command.matchedOptionValue("--tcp", -1);
        if (unix == null && (port < 0 || port > 65535)) {
            throw new ParameterException(commandLine, "--tcp needs a port from 0 to 65535, not " + port);
        }
        return PeerServer.serve(unix == null ? null : path(commandLine, unix), port, exitOnEof, options.serverOptions(),
                out);
    }

    private static int[] pipeFds(CommandLine commandLine, String text) {
        String[] parts = text.split(",", -1);
        try {
            if (parts.length == 2) {
                int read = Integer.parseInt(parts[0].strip());
                int write = Integer.parseInt(parts[1].strip());
                if (read >= 0 && write >= 0 && read != write) {
                    return new int[] {read, write};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(commandLine, "--pipes needs two different descriptors READ,WRITE such as 3,4, not "
                + text);
    }

    private static Path path(CommandLine commandLine, String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new ParameterException(commandLine, "not a path: " + text);
        }
    }
}
