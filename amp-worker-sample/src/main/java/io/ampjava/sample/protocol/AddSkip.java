package io.ampjava.sample.protocol;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;

/** Worker to manager: the test was skipped (disabled, or aborted by an assumption). */
@AmpCommand
public interface AddSkip {
    @Argument
    String testName();

    @Argument
    String reason();

    @Response
    interface Result {
        @Argument
        boolean success();
    }
}
