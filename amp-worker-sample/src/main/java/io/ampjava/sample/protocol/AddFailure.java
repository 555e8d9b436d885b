package io.ampjava.sample.protocol;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;
import java.util.List;

/**
 * Worker to manager: an assertion in the test failed, in either dialect (see {@link AddError}).
 *
 * <ul>
 *   <li>Twisted 22.8 and earlier: {@code testName, fail, failClass, frames}.
 *   <li>Twisted 22.10 and later: {@code testName, failClass, failStreamId, framesStreamId}.
 * </ul>
 */
@AmpCommand
public interface AddFailure {
    @Argument
    String testName();

    /** A fully qualified Python class name, e.g. {@code builtins.AssertionError}. */
    @Argument
    String failClass();

    /** Up to 22.8: the failure's text (at most 65535 UTF-8 bytes). */
    @Argument(optional = true)
    String fail();

    /** Up to 22.8: the traceback as flattened triples: function, file, line number. */
    @Argument(optional = true)
    List<String> frames();

    /** From 22.10: the stream that carried the failure's UTF-8 text. */
    @Argument(optional = true)
    Long failStreamId();

    /** From 22.10: the stream that carried the frames, one frame string per write. */
    @Argument(optional = true)
    Long framesStreamId();

    @Response
    interface Result {
        @Argument
        boolean success();
    }
}
