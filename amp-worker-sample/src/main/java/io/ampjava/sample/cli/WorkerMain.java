package io.ampjava.sample.cli;

import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ConnectionOptions;
import io.ampjava.sample.junit.JUnitTestRunner;
import io.ampjava.sample.worker.TrialWorker;
import io.ampjava.sample.worker.TrialWorkerLocator;
import io.ampjava.sample.worker.WorkingDirectory;
import io.ampjava.transport.pipe.PipeTransport;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * The worker, started directly: what the manager runs in each worker process, as
 * {@code java -cp amp-worker.jar io.ampjava.sample.cli.WorkerMain [--force-gc] [--classpath CP] [--stdio]}.
 * It behaves exactly as {@code amp-worker.jar worker} (which {@link WorkerSubcommand} parses, for
 * people and for trial's manager) but starts without the command-line parser: picocli's classes are
 * Java 5 class files, which the JVM verifies the slow way and cannot put in a class archive, and
 * loading them cost every worker about 0.1 s of its start-up.
 */
public final class WorkerMain {
    private static final int READ_FD = 3;
    private static final int WRITE_FD = 4;

    private static final String USAGE = "usage: java -cp amp-worker.jar " + WorkerMain.class.getName()
            + " [--force-gc] [--classpath CP] [--stdio]  (a manager starts this; see `amp-worker.jar worker --help`)";

    private WorkerMain() {}

    public static void main(String[] args) throws IOException {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Parses {@code args} and serves; returns the exit code (2 for a usage error). */
    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        boolean forceGc = false;
        boolean stdio = false;
        String classpath = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--force-gc")) {
                forceGc = true;
            } else if (arg.equals("--stdio")) {
                stdio = true;
            } else if (arg.equals("--classpath") && i + 1 < args.size()) {
                classpath = args.get(++i);
            } else if (arg.startsWith("--classpath=")) {
                classpath = arg.substring("--classpath=".length());
            } else if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE);
                return 0;
            } else {
                err.println("amp-worker: unknown worker argument '" + arg + "'\n" + USAGE);
                return 2;
            }
        }
        ClassLoader tests;
        try {
            tests = TestClassLoaders.withClasspath(classpath);
        } catch (IllegalArgumentException e) {
            err.println("amp-worker: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        return serve(tests, forceGc, stdio, err);
    }

    /**
     * Serves the manager on fds 3 and 4 (with {@code stdio}: on standard input and output) until it
     * closes the worker's input: 0 then, 1 if the connection failed, 2 if the descriptors are not
     * the pipes a manager gives its workers.
     */
    static int serve(ClassLoader tests, boolean forceGc, boolean stdio, PrintStream err) throws IOException {
        JUnitTestRunner runner = new JUnitTestRunner(tests);
        PipeTransport transport;
        try {
            // Refuses fds that are not pipes: without a manager, fds 3 and 4 are files the JVM opened
            // for itself, and taking them over would crash it.
            transport = stdio ? PipeTransport.inherited(0, 1) : PipeTransport.inherited(READ_FD, WRITE_FD);
            if (stdio) {
                // The transport has its own descriptions of the pipes and left /dev/null at fds 0
                // and 1; standard output now goes where standard error goes, never to the manager.
                WorkingDirectory.pointStdoutAtStderr();
            }
        } catch (IOException e) {
            err.println(stdio
                    ? "amp-worker: a --stdio worker talks to its manager on its standard input and output, which must be"
                            + " pipes (" + e.getMessage() + "). Start it from `amp-worker.jar run --worker-stdio`, or"
                            + " through ssh."
                    : "amp-worker: a worker talks to its manager on fds 3 and 4, which must be pipes ("
                            + e.getMessage() + "). Start workers with `amp-worker.jar run`, or from trial's manager.");
            runner.close();
            return 2;
        }
        try (runner;
             TrialWorker worker = new TrialWorker(runner, forceGc);
             AmpConnection connection = AmpConnection.open(transport, new TrialWorkerLocator(worker),
                     ConnectionOptions.builder().threadName("amp-worker-reader").build())) {
            worker.connected(connection);
            connection.closeFuture().join();
            Throwable cause = connection.closeCause();
            if (cause instanceof EOFException) {
                return 0;
            }
            err.println("amp-worker: the connection to the manager failed: " + cause);
            return 1;
        }
    }
}
