package io.ampjava.cli;

import io.ampjava.cli.call.CallSubcommand;
import io.ampjava.cli.decode.DecodeSubcommand;
import io.ampjava.cli.imports.ImportSubcommand;
import io.ampjava.cli.proxy.ProxySubcommand;
import io.ampjava.cli.serve.ServeSubcommand;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * {@code amp}: a command-line client, server, proxy and decoder for any AMP peer, Java or Twisted.
 *
 * <pre>
 * amp call ADDRESS COMMAND [key=value ...]     one call, the answer printed
 * amp serve ADDRESS --echo                     a peer for testing clients
 * amp proxy LISTEN UPSTREAM                    forwards both ways, prints every box
 * amp decode [FILE]                            prints the boxes of a captured byte stream
 * amp import MODULE... --package PACKAGE       Java declarations of Twisted's amp.Command classes
 * </pre>
 *
 * Every failure is one line on standard error and an exit status from {@link ExitCode}; a stack
 * trace only with {@code --verbose}.
 */
public final class AmpCli {
    /** The subcommands, in the order the help lists them. */
    static final List<Supplier<Subcommand>> SUBCOMMANDS = List.of(
            CallSubcommand::new, ServeSubcommand::new, ProxySubcommand::new, DecodeSubcommand::new, ImportSubcommand::new);

    private static final String VERBOSE = "--verbose";

    private AmpCli() {}

    public static void main(String[] args) {
        CompletableFuture<Void> stop = new CompletableFuture<>();
        CountDownLatch finished = new CountDownLatch(1);
        // SIGINT and SIGTERM stop a server or proxy the orderly way (its socket file removed, its
        // output flushed) rather than in the middle of a line.
        Thread hook = new Thread(() -> {
            stop.complete(null);
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "amp shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Terminal terminal = new Terminal(new FileOutputStream(FileDescriptor.out),
                new FileOutputStream(FileDescriptor.err), System.in, stop);
        int status = run(args, terminal);
        terminal.out().flush();
        finished.countDown();
        System.exit(status);
    }

    /** Runs {@code amp} in this JVM with the given streams; returns the exit status. */
    public static int run(String[] args, OutputStream out, OutputStream err, InputStream in) {
        return run(args, new Terminal(out, err, in, new CompletableFuture<>()));
    }

    /** Runs {@code amp} in this JVM; returns the exit status ({@link ExitCode}). */
    public static int run(String[] args, Terminal terminal) {
        PrintWriter err = terminal.err();
        CommandLine line = new CommandLine(rootSpec());
        Map<String, Subcommand> subcommands = new LinkedHashMap<>();
        for (Supplier<Subcommand> factory : SUBCOMMANDS) {
            Subcommand subcommand = factory.get();
            CommandSpec spec = subcommand.spec();
            exitCodes(spec);
            subcommands.put(spec.name(), subcommand);
            line.addSubcommand(spec.name(), new CommandLine(spec));
        }
        line.setOut(terminal.out());
        line.setErr(err);
        ParseResult parsed;
        try {
            parsed = line.parseArgs(args);
        } catch (ParameterException e) {
            String name = e.getCommandLine().getCommandName();
            err.println(prefix(name) + e.getMessage());
            err.println("Try '" + fullName(e.getCommandLine()) + " --help' for the options.");
            return ExitCode.USAGE;
        }
        Integer helped = CommandLine.executeHelpRequest(parsed);
        if (helped != null) {
            terminal.out().flush();
            return ExitCode.OK;
        }
        ParseResult sub = parsed.subcommand();
        if (sub == null) {
            line.usage(err);
            return ExitCode.USAGE;
        }
        String name = sub.commandSpec().name();
        boolean verbose = parsed.matchedOptionValue(VERBOSE, false) || sub.matchedOptionValue(VERBOSE, false);
        try {
            return subcommands.get(name).run(sub, terminal);
        } catch (CliException e) {
            err.println(prefix(name) + e.getMessage());
            if (verbose && e.getCause() != null) {
                e.getCause().printStackTrace(err);
            }
            return e.exitCode();
        } catch (ParameterException e) {
            err.println(prefix(name) + e.getMessage());
            err.println("Try 'amp " + name + " --help' for the options.");
            return ExitCode.USAGE;
        } catch (Exception | Error e) {
            err.println(prefix(name) + "internal error: " + e
                    + (verbose ? "" : " (run with --verbose for the stack trace)"));
            if (verbose) {
                e.printStackTrace(err);
            }
            return ExitCode.INTERNAL;
        } finally {
            terminal.out().flush();
            err.flush();
        }
    }

    private static String prefix(String name) {
        return name.equals("amp") ? "amp: " : "amp " + name + ": ";
    }

    private static String fullName(CommandLine commandLine) {
        return commandLine.getParent() == null ? "amp" : "amp " + commandLine.getCommandName();
    }

    private static CommandSpec rootSpec() {
        CommandSpec spec = CommandSpec.create().name("amp");
        spec.usageMessage()
                .description("A command-line client, server, proxy and decoder for any AMP peer, Java or Twisted, and an"
                        + " importer of Twisted's command declarations.")
                .commandListHeading("%nCommands:%n")
                .footerHeading("%n")
                .footer("Run 'amp COMMAND --help' for a command's options. Addresses are unix:PATH,"
                        + " tcp:HOST:PORT and tls:HOST:PORT.");
        // Inherited: every subcommand takes them too, before or after its own arguments.
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).scopeType(ScopeType.INHERIT)
                .description("Show this help and exit.").build());
        spec.addOption(OptionSpec.builder(VERBOSE).arity("0").type(boolean.class).scopeType(ScopeType.INHERIT)
                .description("Print the stack trace of a failure, not just its one-line message.").build());
        exitCodes(spec);
        return spec;
    }

    private static void exitCodes(CommandSpec spec) {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(ExitCode.OK + "", "done");
        codes.put(ExitCode.REFUSED + "", "the peer answered an error (call); an invalid or truncated stream (decode);"
                + " what amp-java cannot declare (import)");
        codes.put(ExitCode.TIMEOUT + "", "no answer within --timeout (call)");
        codes.put(ExitCode.CONNECTION + "", "cannot connect or listen, or the connection was lost");
        codes.put(ExitCode.USAGE + "", "a bad command line or input: an option, key=value, value or file");
        codes.put(ExitCode.INTERNAL + "", "an unexpected failure (--verbose shows its stack trace)");
        spec.usageMessage().exitCodeListHeading("%nExit status:%n").exitCodeList(codes);
    }
}
