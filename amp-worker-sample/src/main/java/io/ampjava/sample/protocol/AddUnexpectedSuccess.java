package io.ampjava.sample.protocol;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;

/** Worker to manager: a test marked "todo" passed. Only Python workers send it. */
@AmpCommand
public interface AddUnexpectedSuccess {
    @Argument
    String testName();

    @Argument
    String todo();

    @Response
    interface Result {
        @Argument
        boolean success();
    }
}
