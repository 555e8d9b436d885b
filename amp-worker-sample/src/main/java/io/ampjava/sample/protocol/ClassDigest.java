package io.ampjava.sample.protocol;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;

/**
 * Manager to worker, an amp-java addition to trial's protocol: the SHA-256 of the class file the
 * worker would load for {@code className}. The manager asks before a worker's first test of each
 * class and compares with its own copy, so a worker on another host with different test classes is
 * stopped and reported instead of silently running them. A Twisted worker does not know the
 * command and answers {@code UNHANDLED}; the manager then checks nothing on that worker.
 */
@AmpCommand
public interface ClassDigest {
    /** A binary class name, e.g. {@code pkg.Outer$Inner}. */
    @Argument
    String className();

    @Response
    interface Result {
        /** Lower-case hex, or empty when the worker finds no such class file. */
        @Argument
        String sha256();
    }
}
