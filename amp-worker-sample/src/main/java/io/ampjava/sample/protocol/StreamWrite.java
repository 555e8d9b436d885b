package io.ampjava.sample.protocol;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;

/**
 * Worker to manager (Twisted 22.10 and later): append one chunk (at most 65535 bytes) to an open
 * stream. The {@code Add*} report that names the stream closes it. The answer is empty.
 */
@AmpCommand
public interface StreamWrite {
    @Argument
    long streamId();

    @Argument
    byte[] data();
}
