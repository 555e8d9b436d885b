package io.ampjava.sample;

import io.ampjava.sample.cli.RunSubcommand;
import io.ampjava.sample.cli.WorkerSubcommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code amp-worker.jar}: Twisted trial's distributed test runner, in Java, over AMP.
 *
 * <pre>
 * java -jar amp-worker.jar run [--jobs N] [--classpath CP | --maven-project DIR] [--reports DIR]
 *         [--hosts H1,H2 | --worker-command CMD] [OPTIONS] [TEST ...]
 * java -jar amp-worker.jar worker [--stdio] [--force-gc] [--classpath CP]
 * </pre>
 */
@Command(
        name = "amp-worker",
        mixinStandardHelpOptions = true,
        version = "amp-worker 0.1.0",
        description = "Runs JUnit tests on worker processes that speak Twisted trial's AMP worker protocol.",
        subcommands = {RunSubcommand.class, WorkerSubcommand.class})
public final class WorkerSampleMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new WorkerSampleMain()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: run or worker");
    }
}
