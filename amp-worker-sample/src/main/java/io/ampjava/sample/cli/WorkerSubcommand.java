package io.ampjava.sample.cli;

import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ConnectionOptions;
import io.ampjava.sample.junit.JUnitTestRunner;
import io.ampjava.sample.worker.TrialWorker;
import io.ampjava.sample.worker.TrialWorkerLocator;
import io.ampjava.transport.pipe.PipeTransport;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code worker}: what trial's {@code workertrial.py} is. Reads AMP on fd 3, writes AMP on fd 4,
 * runs the tests the manager names, and exits 0 when the manager closes fd 3.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Be a trial worker: read AMP on fd 3, write AMP on fd 4 (a manager starts this).",
            "Exits 0 when fd 3 is closed."})
public final class WorkerSubcommand implements Callable<Integer> {
    static final int READ_FD = 3;
    static final int WRITE_FD = 4;

    @Option(names = "--force-gc", description = "Collect garbage before and after each test.")
    boolean forceGc;

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
        JUnitTestRunner runner;
        try {
            runner = new JUnitTestRunner(TestClassLoaders.withClasspath(classpath));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PipeTransport transport;
        try {
            // Refuses fds that are not pipes: without a manager, fds 3 and 4 are files the JVM opened
            // for itself, and taking them over would crash it.
            transport = PipeTransport.inherited(READ_FD, WRITE_FD);
        } catch (IOException e) {
            System.err.println("amp-worker: a worker talks to its manager on fds 3 and 4, which must be pipes ("
                    + e.getMessage() + "). Start workers with `amp-worker.jar run`, or from trial's manager.");
            runner.close();
            return 2;
        }
        try (runner;
             TrialWorker worker = new TrialWorker(runner, forceGc);
             AmpConnection connection = AmpConnection.open(transport, new TrialWorkerLocator(worker),
                     ConnectionOptions.defaults().withThreadName("amp-worker-reader"))) {
            worker.connected(connection);
            connection.closeFuture().join();
            Throwable cause = connection.closeCause();
            if (cause instanceof EOFException) {
                return 0;
            }
            System.err.println("amp-worker: the connection to the manager failed: " + cause);
            return 1;
        }
    }
}
