package io.ampjava.sample.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code worker}: what trial's {@code workertrial.py} is. Reads AMP on fd 3, writes AMP on fd 4
 * (with {@code --stdio}: on standard input and output), runs the tests the manager names, and
 * exits 0 when the manager closes its input. The manager itself
 * starts its workers through {@link WorkerMain}, which does the same without this parser.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Be a trial worker: read AMP on fd 3, write AMP on fd 4 (a manager starts this).",
            "Exits 0 when fd 3 is closed."})
public final class WorkerSubcommand implements Callable<Integer> {
    @Option(names = "--force-gc", description = "Collect garbage before and after each test.")
    boolean forceGc;

    @Option(names = "--stdio", description = {"Speak AMP on standard input and output instead of fds 3 and 4, for a worker",
        "started through ssh, docker exec -i or kubectl exec -i. Standard output then goes to standard error."})
    boolean stdio;

    @Option(names = "--classpath", paramLabel = "CP",
            description = "Where to find the tests, besides this jar (entries separated by ':').")
    String classpath;

    /** trial passes its own worker options (--disablegc, --reactor...); they mean nothing here. */
    @Unmatched
    List<String> ignored;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (ignored != null && !ignored.isEmpty()) {
            System.err.println("amp-worker: ignoring " + ignored);
        }
        ClassLoader tests;
        try {
            tests = TestClassLoaders.withClasspath(classpath);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return WorkerMain.serve(tests, forceGc, stdio, System.err);
    }
}
