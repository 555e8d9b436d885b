package io.ampjava.sample.protocol;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;
import java.util.List;

/**
 * Worker to manager: the test raised an error (anything but a failed assertion), in either dialect.
 *
 * <ul>
 *   <li>Twisted 22.8 and earlier: {@code testName, error, errorClass, frames}.
 *   <li>Twisted 22.10 and later: {@code testName, errorClass, errorStreamId, framesStreamId}, the
 *       text and the frames having been sent over streams first.
 * </ul>
 *
 * <p>A Twisted manager turns {@code errorClass} into a Python class with {@code namedObject}, so it
 * must name one that Python can import ({@code builtins.Exception}); an unresolvable name makes it
 * answer {@code UNKNOWN} and hang up.
 */
@AmpCommand
public interface AddError {
    @Argument
    String testName();

    /** A fully qualified Python class name, e.g. {@code builtins.ValueError}. */
    @Argument
    String errorClass();

    /** Up to 22.8: the error's text (at most 65535 UTF-8 bytes). */
    @Argument(optional = true)
    String error();

    /** Up to 22.8: the traceback as flattened triples: function, file, line number. */
    @Argument(optional = true)
    List<String> frames();

    /** From 22.10: the stream that carried the error's UTF-8 text. */
    @Argument(optional = true)
    Long errorStreamId();

    /** From 22.10: the stream that carried the frames, one frame string per write. */
    @Argument(optional = true)
    Long framesStreamId();

    @Response
    interface Result {
        @Argument
        boolean success();
    }
}
