package io.ampjava.sample.protocol;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;

/** Worker to manager: the test passed. */
@AmpCommand
public interface AddSuccess {
    @Argument
    String testName();

    /** Always {@code success: True} from a manager that recorded the report. */
    @Response
    interface Result {
        @Argument
        boolean success();
    }
}
