package io.ampjava.sample.protocol;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;

/**
 * Manager to worker, once, first: run the following tests in {@code directory} (Twisted's
 * {@code workercommands.Start}; the Python worker {@code chdir}s into it).
 */
@AmpCommand
public interface Start {
    /** An absolute directory that exists; the manager creates it. */
    @Argument
    String directory();

    /** Always {@code success: True} from a Twisted worker. */
    @Response
    interface Result {
        @Argument
        boolean success();
    }
}
