package io.ampjava.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * One subcommand of {@code amp}: its options, declared with picocli's programmatic API (the
 * annotations are read by reflection, which costs start-up time), and what it does.
 *
 * <p>A new subcommand is one class implementing this, added to {@link AmpCli#SUBCOMMANDS}.
 */
public interface Subcommand {
    /** The name, options, positional parameters and help text. */
    CommandSpec spec();

    /**
     * Runs the subcommand with the command line picocli parsed against {@link #spec()}.
     *
     * @return the exit status ({@link ExitCode})
     * @throws CliException for a failure to report as one line
     */
    int run(ParseResult parsed, Terminal terminal) throws Exception;
}
