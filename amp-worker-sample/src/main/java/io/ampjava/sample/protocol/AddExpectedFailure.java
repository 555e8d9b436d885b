package io.ampjava.sample.protocol;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;

/**
 * Worker to manager: a test marked "todo" failed, as expected, in either dialect (see
 * {@link AddError}). JUnit has no such marker, so only Python workers send it.
 *
 * <ul>
 *   <li>Twisted 22.8 and earlier: {@code testName, error, todo}.
 *   <li>Twisted 22.10 and later: {@code testName, errorStreamId, todo}.
 * </ul>
 */
@AmpCommand
public interface AddExpectedFailure {
    @Argument
    String testName();

    /** Why the test is expected to fail; Twisted sends {@code Test expected to fail} when unsaid. */
    @Argument(optional = true)
    String todo();

    /** Up to 22.8: the error's text. */
    @Argument(optional = true)
    String error();

    /** From 22.10: the stream that carried the error's UTF-8 text. */
    @Argument(optional = true)
    Long errorStreamId();

    @Response
    interface Result {
        @Argument
        boolean success();
    }
}
