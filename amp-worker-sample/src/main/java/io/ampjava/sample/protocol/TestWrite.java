package io.ampjava.sample.protocol;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;

/**
 * Worker to manager: one line of the test log (the worker's log events; the Java worker also sends
 * what tests print). The manager appends {@code out} and a newline to its test log. A line longer
 * than 65535 UTF-8 bytes cannot travel in one value: the Java worker splits it into several
 * commands.
 */
@AmpCommand
public interface TestWrite {
    @Argument
    String out();

    @Response
    interface Result {
        @Argument
        boolean success();
    }
}
